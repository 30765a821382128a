/** Tag history, image streams, signature verification and scheduled re-imports (issue: tagger). */
package dev.imagepipe.tagger;
