package dev.imagepipe.tagger.history;

import java.util.Objects;

/**
 * Settings of {@link StreamUpdater}.
 *
 * @param retention how much history each write keeps
 * @param hostnames registry hostnames for {@code status.dockerImageRepository} (A12)
 */
public record HistorySettings(RetentionPolicy retention, RegistryHostnames hostnames) {

    /** Keep all history (OpenShift's import-time behaviour) and no integrated registry. */
    public static final HistorySettings DEFAULT =
            new HistorySettings(RetentionPolicy.UNLIMITED, RegistryHostnames.NONE);

    public HistorySettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(hostnames, "hostnames");
    }
}
