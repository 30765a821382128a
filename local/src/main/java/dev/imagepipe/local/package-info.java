/** Embedded single-node KRaft broker and schema registry server for {@code imagepipe up} and tests (issue: local runtime). */
package dev.imagepipe.local;
