package dev.imagepipe.testing.kafka;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Kafka broker per test run ({@code apache/kafka} via Testcontainers where Docker runs, otherwise the
 * embedded broker of {@code imagepipe-local}) and injects a {@link KafkaEnvironment} whose topic prefix is unique to
 * the test class: {@code it-<SimpleClassName>-<8 hex>.}. The broker lives in the JUnit root store and stops when the
 * run ends.
 */
public final class KafkaExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    /** Random bytes in a prefix: enough that reruns against a kept broker never collide. */
    static final int PREFIX_RANDOM_BYTES = 4;

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment(context);
    }

    private static KafkaEnvironment environment(ExtensionContext context) {
        SharedKafka kafka = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SharedKafka.class, key -> SharedKafka.start(), SharedKafka.class);
        Class<?> testClass = context.getRequiredTestClass();
        // Stored per class (beforeAll runs first, at class level), so every method of a class shares the prefix.
        String prefix = context.getStore(NAMESPACE)
                .computeIfAbsent(new PrefixKey(testClass), key -> topicPrefix(testClass), String.class);
        return new KafkaEnvironment(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), prefix);
    }

    static String topicPrefix(Class<?> testClass) {
        byte[] random = new byte[PREFIX_RANDOM_BYTES];
        ThreadLocalRandom.current().nextBytes(random);
        return "it-" + testClass.getSimpleName() + "-" + HexFormat.of().formatHex(random) + ".";
    }

    private record PrefixKey(Class<?> testClass) {}
}
