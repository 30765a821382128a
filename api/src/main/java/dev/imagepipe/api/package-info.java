/** HTTP API: the OpenShift image API subset served from the compacted topics. */
package dev.imagepipe.api;
