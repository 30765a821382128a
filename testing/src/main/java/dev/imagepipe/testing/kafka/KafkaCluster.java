package dev.imagepipe.testing.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class Kafka: parameters of type {@link KafkaEnvironment} (constructor, lifecycle and test
 * methods) receive the shared broker's bootstrap servers and the class's topic prefix. See {@link KafkaExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KafkaExtension.class)
public @interface KafkaCluster {}
