package dev.imagepipe.schemas.serde;

import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds Avro datum readers that are safe against hostile writer schemas.
 *
 * <p>Why this exists (Avro 1.12.1, CVE-2024-47561): a string schema may carry {@code "java-class": "x.Y"}, and a
 * reader that honours it loads {@code x.Y} and calls its {@code String} constructor. {@code SpecificDatumReader}
 * checks such names against the system properties {@code org.apache.avro.SERIALIZABLE_PACKAGES} / {@code
 * SERIALIZABLE_CLASSES} (read once, when the class initialises; empty by default, so nothing is trusted) — but only
 * on its slow, {@code ResolvingDecoder} path. The fast reader ({@code org.apache.avro.fastread}, on by default)
 * honours {@code java-class} on the reader schema for generic and specific reads alike and never consults those
 * properties. What matters is therefore whose schema is the reader schema:
 *
 * <ul>
 *   <li>Generic reads use the writer schema from the registry, which anyone allowed to register can shape. They run
 *       on a private {@link GenericData} whose fast reader ignores {@code java-class} and {@code java-key-class}
 *       (the slow generic path ignores them anyway), so strings stay strings.
 *   <li>Specific reads use the compiled class's own schema, which ships in our jar: its {@code java-class}
 *       properties, if any, are ours. The imagepipe schemas use none ({@code stringType=String} writes {@code
 *       avro.java.string}, not {@code java-class}), so specific reads need no trusted-package property at all and
 *       nothing here sets it: setting a system property from a library would change every other Avro reader in the
 *       JVM, and would come too late once {@code SpecificDatumReader} has initialised.
 *   <li>Finding a specific class from the writer schema's name ({@code specific.avro.reader=true} without a
 *       configured type) would load any class the wire names. Only names in {@value #IMAGEPIPE_AVRO_PACKAGE}, or in
 *       the packages/classes Avro's own properties trust, are loaded, without initialising them, and only when they
 *       implement {@link SpecificRecord}.
 * </ul>
 */
final class AvroReaders {

    /** The package of imagepipe's generated records and everything below it. */
    static final String IMAGEPIPE_AVRO_PACKAGE = "dev.imagepipe.schemas.avro";

    private final GenericData genericData;

    AvroReaders() {
        genericData = new GenericData();
        genericData.getFastReaderBuilder().withClassPropEnabled(false).withKeyClassEnabled(false);
    }

    /** A reader that decodes into generic data in the writer schema. */
    <T> DatumReader<T> generic(Schema writer) {
        return new GenericDatumReader<>(writer, writer, genericData);
    }

    /** A reader that resolves the writer schema to {@code type}'s schema and decodes into {@code type}. */
    <T> DatumReader<T> specific(Schema writer, Class<? extends SpecificRecord> type) {
        SpecificData data = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, data.getSchema(type), data);
    }

    /**
     * The generated class named by a record writer schema, if it is trusted, present and a {@link SpecificRecord}.
     */
    static Optional<Class<? extends SpecificRecord>> specificClassNamed(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD || !trusted(writer.getFullName())) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(writer.getFullName(), false, classLoader());
            return SpecificRecord.class.isAssignableFrom(type)
                    ? Optional.of(type.asSubclass(SpecificRecord.class))
                    : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    static boolean trusted(String className) {
        return className.startsWith(IMAGEPIPE_AVRO_PACKAGE + ".")
                || Arrays.asList(SpecificDatumReader.SERIALIZABLE_CLASSES).contains(className)
                || Arrays.stream(SpecificDatumReader.SERIALIZABLE_PACKAGES)
                        .anyMatch(p -> p.equals("*") || className.startsWith(p));
    }

    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AvroReaders.class.getClassLoader();
    }
}
