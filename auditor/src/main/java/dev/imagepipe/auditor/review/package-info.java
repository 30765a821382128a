/**
 * The ImageReview admission webhook (imagepolicy.k8s.io/v1alpha1, A16): a materialized view of images, signatures,
 * tags and policy fed from the compacted topics ({@link dev.imagepipe.auditor.review.ImagePolicyView}), the decision
 * over it ({@link dev.imagepipe.auditor.review.ReviewDecider}), and the HTTP service that answers the API server
 * ({@link dev.imagepipe.auditor.review.ReviewService}).
 */
package dev.imagepipe.auditor.review;
