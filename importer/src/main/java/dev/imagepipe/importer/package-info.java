/** Image references, the OCI Distribution client, registry policy and the import topology (issues: registry client, importer). */
package dev.imagepipe.importer;
