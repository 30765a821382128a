/**
 * Configuration: the importer's {@link dev.imagepipe.importer.config.ImporterConfig}, one record with every setting
 * and its default, loaded by {@link dev.imagepipe.importer.config.ImporterConfigLoader} from flags, the environment
 * and an optional properties file, and mapped to Kafka Streams properties and the registry client's options.
 *
 * <p>The machinery is app-neutral and shared with the other apps: {@link dev.imagepipe.importer.config.SettingKey}
 * names a setting, {@link dev.imagepipe.importer.config.SettingSources} finds it by precedence,
 * {@link dev.imagepipe.importer.config.SettingsReader} parses it with a {@link dev.imagepipe.importer.config.Parser}
 * and collects problems into one {@link dev.imagepipe.importer.config.ConfigException},
 * {@link dev.imagepipe.importer.config.StreamsAppConfig} derives the Kafka client settings every app shares, and
 * {@link dev.imagepipe.importer.config.Secrets} prints a config without its secrets.
 */
package dev.imagepipe.importer.config;
