package dev.imagepipe.tagger.config;

import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.SettingKey;
import java.util.Arrays;

/**
 * The tagger's own settings, named by the scheme of {@link ConfigKey}: {@code tagger.} and words joined with {@code -};
 * the environment variable drops the {@code tagger.} part ({@code tagger.history.keep-newest} is {@code
 * IMAGEPIPE_HISTORY_KEEP_NEWEST}). The settings every app has are {@link ConfigKey}'s shared keys.
 */
public enum TaggerKey implements SettingKey {
    POLICY_NAME("tagger.policy-name"),
    HISTORY_KEEP_NEWEST("tagger.history.keep-newest"),
    HISTORY_KEEP_YOUNGER_THAN("tagger.history.keep-younger-than"),
    SCHEDULED_IMPORTS("tagger.scheduled-imports"),
    JITTER_SEED("tagger.jitter-seed"),
    PUNCTUATION_INTERVAL("tagger.punctuation-interval");

    /** The part of a tagger key that its environment variable leaves out. */
    static final String APP_PART = "tagger.";

    private final String key;

    TaggerKey(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String envName() {
        return SettingKey.envName(key, APP_PART);
    }

    /** Whether {@code key} names a tagger setting: one of these or a shared one. */
    static boolean known(String key) {
        return Arrays.stream(values()).anyMatch(k -> k.key.equals(key))
                || ConfigKey.byKey(key).filter(ConfigKey::shared).isPresent();
    }

    @Override
    public String toString() {
        return key;
    }
}
