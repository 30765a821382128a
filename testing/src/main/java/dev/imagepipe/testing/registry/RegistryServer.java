package dev.imagepipe.testing.registry;

/** A running test registry; {@link #close} stops it and discards its storage. */
public interface RegistryServer extends AutoCloseable {

    RegistryEndpoint endpoint();

    @Override
    void close();
}
