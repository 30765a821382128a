package dev.imagepipe.testing.registry;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** {@code registry:2} through Testcontainers, where Docker runs. */
public final class RegistryContainer implements RegistryServer {

    /** The CNCF distribution registry, the same code as Debian's {@code docker-registry}. */
    public static final DockerImageName IMAGE = DockerImageName.parse("registry:2");

    /** The port the registry listens on inside the container. */
    static final int CONTAINER_PORT = 5000;

    private final GenericContainer<?> container;

    private RegistryContainer(GenericContainer<?> container) {
        this.container = container;
    }

    /** Starts the container and waits until {@code GET /v2/} answers 200. */
    @SuppressWarnings("resource") // closed by close()
    public static RegistryContainer start() {
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withExposedPorts(CONTAINER_PORT)
                .withEnv("REGISTRY_STORAGE_DELETE_ENABLED", "true")
                .waitingFor(Wait.forHttp("/v2/").forStatusCode(200));
        container.start();
        return new RegistryContainer(container);
    }

    @Override
    public RegistryEndpoint endpoint() {
        return new RegistryEndpoint(container.getHost(), container.getMappedPort(CONTAINER_PORT));
    }

    @Override
    public void close() {
        container.stop();
    }
}
