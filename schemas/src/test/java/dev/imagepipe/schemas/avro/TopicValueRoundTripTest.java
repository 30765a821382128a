package dev.imagepipe.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopicValueRoundTripTest {

    static Stream<Named<SpecificRecord>> topicValues() {
        return Samples.topicValues().stream()
                .map(record -> Named.of(record.getSchema().getName(), record));
    }

    @ParameterizedTest
    @MethodSource("topicValues")
    void specificBinaryRoundTripYieldsAnEqualRecord(SpecificRecord record) throws IOException {
        byte[] bytes = writeSpecific(record);

        assertThat(readSpecific(bytes, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("topicValues")
    void genericWriterBytesDecodeIntoAnEqualSpecificRecord(SpecificRecord record) throws IOException {
        Schema schema = record.getSchema();
        byte[] specificBytes = writeSpecific(record);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(schema, schema, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(specificBytes, null));

        byte[] genericBytes = write(new GenericDatumWriter<>(schema, GenericData.get()), generic);

        // Bytes are not compared: Avro writes map entries in iteration order, which differs between
        // the generic reader's HashMap and the sample's Map.of.
        assertThat(generic).isNotInstanceOf(SpecificRecord.class);
        assertThat(readSpecific(genericBytes, record.getClass())).isEqualTo(record);
    }

    @Test
    void samplesCoverEveryTopicValueSchema() {
        Stream<String> sampled =
                Samples.topicValues().stream().map(r -> r.getSchema().getFullName());
        Stream<String> declared = SchemaCatalog.topicValues().stream().map(Schema::getFullName);

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared.toList());
    }

    @Test
    void topicValueSchemasAreTheValuesOfTheTopicsOfTheDesign() {
        assertThat(SchemaCatalog.topicValues())
                .extracting(schema -> schema.getProp(SchemaCatalog.TOPIC_PROPERTY))
                .containsExactlyInAnyOrder(
                        "import.requests",
                        "import.results",
                        "observations",
                        "images",
                        "streams",
                        "tags",
                        "tag.events",
                        "signatures",
                        "policy",
                        "dlq");
    }

    @Test
    void importFieldKeepsItsAvroNameOnTheWireWhileJavaSeesImportDollar() throws IOException {
        Schema schema = ImageStreamImportSpec.getClassSchema();
        GenericRecord generic =
                new GenericRecordBuilder(schema).set("import", true).build();

        ImageStreamImportSpec decoded =
                readSpecific(write(new GenericDatumWriter<>(schema), generic), ImageStreamImportSpec.class);

        assertThat(schema.getField("import")).isNotNull();
        assertThat(decoded.getImport$()).isTrue();
        assertThat(decoded.getImages()).isEmpty();
        assertThat(decoded.getRepository()).isNull();
    }

    /**
     * Decoded arrays are {@code GenericData.Array}, whose equals and hashCode use the global {@code
     * GenericData.get()}; without the Instant conversion registered in META-INF/services it throws
     * "Unknown datum type java.time.Instant" on any nullable timestamp inside an array element.
     */
    @ParameterizedTest
    @MethodSource("topicValues")
    void decodedRecordEqualsAndHashesLikeTheOriginalInBothDirections(SpecificRecord record) throws IOException {
        SpecificRecord decoded = readSpecific(writeSpecific(record), record.getClass());

        assertThat(decoded.equals(record)).isTrue();
        assertThat(record.equals(decoded)).isTrue();
        assertThat(decoded.hashCode()).isEqualTo(record.hashCode());
    }

    @Test
    void globalGenericModelConvertsTimestampMillisToInstant() {
        assertThat(GenericData.get().getConversionByClass(Instant.class, LogicalTypes.timestampMillis()))
                .isNotNull();
    }

    @Test
    void builderFillsRecordValuedDefaultsFromTheSchema() {
        ImageImportSpec spec = ImageImportSpec.newBuilder()
                .setFrom(ObjectReference.newBuilder()
                        .setKind("DockerImage")
                        .setName("docker.io/library/busybox:latest")
                        .build())
                .build();

        assertThat(spec.getReferencePolicy().getType()).isEqualTo(ReferencePolicyType.Source);
        assertThat(spec.getImportPolicy().getImportMode()).isNull();
        assertThat(spec.getImportPolicy().getScheduled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] writeSpecific(T record) throws IOException {
        return write(new SpecificDatumWriter<>((Class<T>) record.getClass()), record);
    }

    private static <T> byte[] write(DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static <T> T readSpecific(byte[] bytes, Class<T> type) throws IOException {
        return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
