package dev.imagepipe.testing.registry;

import dev.imagepipe.testing.Docker;
import dev.imagepipe.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one container registry per test run and injects its {@link RegistryEndpoint}. Where Docker runs it is
 * {@code registry:2} via Testcontainers; otherwise the {@code docker-registry} binary ({@value #BINARY_PROPERTY}
 * overrides its path) on a loopback port. With neither, the test class is skipped loudly, or fails when
 * {@code CI=true}. The registry lives in the JUnit root store and is stopped when the run ends.
 */
public final class ContainerRegistryExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    /** System property naming the registry binary when it is not Debian's {@code /usr/bin/docker-registry}. */
    public static final String BINARY_PROPERTY = "imagepipe.testing.registry.binary";

    static final String INSTALL_HINT = "apt-get install docker-registry (or run a Docker engine for registry:2)";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ContainerRegistryExtension.class);

    static final String WHAT = "a container registry (Docker, or the docker-registry binary)";

    /** Disables (skips) the class locally when no registry can run, so reports count its tests as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || shared(context).server() != null) {
            return ConditionEvaluationResult.enabled("container registry available");
        }
        return Prerequisites.disabledUnlessOnCi(WHAT, INSTALL_HINT);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RegistryEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context).endpoint();
    }

    /** The run's shared registry, started on first use. */
    static RegistryServer server(ExtensionContext context) {
        Shared shared = shared(context);
        if (shared.server() == null) {
            throw Prerequisites.missing(WHAT, INSTALL_HINT);
        }
        return shared.server();
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    }

    /** The outcome of starting, remembered so a missing registry is probed for only once per run. */
    record Shared(RegistryServer server) implements AutoCloseable {

        static Shared start() {
            if (Docker.available()) {
                return new Shared(RegistryContainer.start());
            }
            Path binary = Path.of(System.getProperty(BINARY_PROPERTY, LocalRegistryConfig.DEBIAN_BINARY.toString()));
            return Files.isExecutable(binary) ? new Shared(LocalRegistryProcess.start(binary)) : new Shared(null);
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
