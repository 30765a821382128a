/**
 * The tagger's configuration: {@link dev.imagepipe.tagger.config.TaggerConfig}, one record with every setting and its
 * default, loaded by {@link dev.imagepipe.tagger.config.TaggerConfigLoader} from flags, the environment and an optional
 * properties file with the importer's app-neutral machinery ({@code dev.imagepipe.importer.config}).
 */
package dev.imagepipe.tagger.config;
