/** Replay, invariant checks, point-in-time queries and the ImageReview webhook (issue: auditor). */
package dev.imagepipe.auditor;
