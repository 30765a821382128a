/** JUnit 5 extensions giving each test class Kafka, a schema registry and a container registry (issue: local runtime). */
package dev.imagepipe.testing;
