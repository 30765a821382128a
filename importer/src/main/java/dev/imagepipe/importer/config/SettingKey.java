package dev.imagepipe.importer.config;

import java.util.Locale;

/**
 * A setting's name in flags and properties files ({@link #key()}) and in the environment ({@link #envName()}). Each
 * app names its settings with an enum implementing this, following the scheme {@link ConfigKey} describes.
 */
public interface SettingKey {

    /** Prefix of every imagepipe environment variable. */
    String ENV_PREFIX = "IMAGEPIPE_";

    /** The name in flags and properties files, e.g. {@code tagger.history.keep-newest}. */
    String key();

    /** The environment variable, e.g. {@code IMAGEPIPE_HISTORY_KEEP_NEWEST}. */
    String envName();

    /**
     * {@value #ENV_PREFIX} and {@code key} in upper snake case, without {@code appPart} when the key starts with it:
     * each app reads its own environment, so its own settings need no app name there.
     *
     * @param appPart the app's key prefix, e.g. {@code importer.}
     */
    static String envName(String key, String appPart) {
        String withoutApp = key.startsWith(appPart) ? key.substring(appPart.length()) : key;
        return ENV_PREFIX + withoutApp.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
