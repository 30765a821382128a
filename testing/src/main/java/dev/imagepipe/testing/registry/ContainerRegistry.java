package dev.imagepipe.testing.registry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a container registry: parameters of type {@link RegistryEndpoint} (constructor,
 * lifecycle and test methods) receive its address. See {@link ContainerRegistryExtension} for where it comes from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ContainerRegistryExtension.class)
public @interface ContainerRegistry {}
