/**
 * The importer's configuration: {@link dev.imagepipe.importer.config.ImporterConfig}, one record with every setting
 * and its default, loaded by {@link dev.imagepipe.importer.config.ImporterConfigLoader} from flags, the environment
 * and an optional properties file, and mapped to Kafka Streams properties and the registry client's options.
 */
package dev.imagepipe.importer.config;
