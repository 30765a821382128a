package dev.imagepipe.testing;

import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can start containers here; asked once per run, as the probe takes seconds without Docker. */
public final class Docker {

    /** Set to {@code false} to use the local fallbacks even where Docker runs. */
    public static final String USE_DOCKER_PROPERTY = "imagepipe.testing.docker";

    private static volatile Boolean available;

    private Docker() {}

    public static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = !"false".equalsIgnoreCase(System.getProperty(USE_DOCKER_PROPERTY))
                    && DockerClientFactory.instance().isDockerAvailable();
            available = known;
            if (!known) {
                // Testcontainers has just logged an ERROR about Docker; say what happens instead.
                LoggerFactory.getLogger(Docker.class)
                        .info("Docker not available: tests use the local registry binary and the embedded Kafka");
            }
        }
        return known;
    }
}
