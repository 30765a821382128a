package dev.imagepipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void defaultsMatchConfluent() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of());

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
    }

    @Test
    void readsConfluentKeysAsStringsOrBooleans() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(
                Map.of("auto.register.schemas", "false", "use.latest.version", true, "specific.avro.reader", "TRUE"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.specificAvroReader()).isTrue();
    }

    @Test
    void rejectsANonBooleanNamingTheKey() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of("auto.register.schemas", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void acceptsConfluentsTopicNameStrategyClassName() {
        AvroSerdeConfig.parse(Map.of(
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy"));
    }

    @Test
    void rejectsOtherSubjectNameStrategiesNamingKeyAndClass() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
                        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("RecordNameStrategy")
                .hasMessageContaining("TopicNameStrategy");
    }

    @Test
    void missingRegistryUrlIsAConfigErrorNamingTheKeyWhenTheSerdeBuildsItsClient() {
        assertThatThrownBy(() -> new AvroSerializer<>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroDeserializer<>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void unknownSpecificTypeIsAConfigError() {
        assertThatThrownBy(() -> new AvroDeserializer<>()
                        .configure(
                                Map.of("schema.registry.url", "http://r:8081", "specific.avro.value.type", "no.Such"),
                                false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no.Such");
    }
}
