package dev.imagepipe.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaExtensionTest {

    @Test
    void topicPrefixNamesTheClassAndDiffersPerCall() {
        String first = KafkaExtension.topicPrefix(KafkaExtensionTest.class);
        String second = KafkaExtension.topicPrefix(KafkaExtensionTest.class);

        assertThat(first).matches("it-KafkaExtensionTest-[0-9a-f]{8}\\.");
        assertThat(first).isNotEqualTo(second);
        assertThat(new KafkaEnvironment("b:1", "http://127.0.0.1:1", first).topic("events"))
                .isEqualTo(first + "events");
    }
}
