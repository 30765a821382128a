/** The {@code imagepipe} command (issue: local runtime). */
package dev.imagepipe.cli;
