/**
 * Registry authentication: {@code WWW-Authenticate} challenges, the Docker token flow with cached tokens, HTTP Basic,
 * and credentials from docker {@code config.json} files. Secrets never reach a log line, message or {@code toString}.
 */
package dev.imagepipe.importer.registry.auth;
