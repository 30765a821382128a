package dev.imagepipe.auditor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.CosignKey;
import dev.imagepipe.auditor.invariant.Rule;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class LogCollectorTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    private final LogCollector collector = new LogCollector();

    @Test
    void mapsTagEventsWithTheirPosition() {
        var point = Avro.point(AT, "quay.io/ns/app", Avro.sha256("x"), 3);
        collector.add(
                Source.TAG_EVENTS,
                new Position("imagepipe.tag.events", 2, 41),
                AT,
                "ns/app:v1",
                Avro.tagEvent(TagEventKind.Added, "ns/app:v1", point, null, null, "u1", AT));

        assertThat(collector.log().tagEvents()).singleElement().satisfies(record -> {
            assertThat(record.position()).isEqualTo(new Position("imagepipe.tag.events", 2, 41));
            assertThat(record.get().kind()).isEqualTo(TagEventEntry.Kind.ADDED);
            assertThat(record.get().tag().toString()).isEqualTo("ns/app:v1");
            assertThat(record.get().event())
                    .hasValueSatisfying(p -> assertThat(p.generation()).isEqualTo(3));
            assertThat(record.get().requestUid()).hasValue("u1");
        });
        assertThat(collector.violations()).isEmpty();
    }

    @Test
    void keepsTombstonesOfCompactedTopics() {
        collector.add(Source.IMAGES, new Position("imagepipe.images", 0, 9), AT, "sha256:gone", null);

        assertThat(collector.log().images()).singleElement().satisfies(r -> assertThat(r.value())
                .isEmpty());
    }

    @Test
    void leavesOutPolicyKeysTheTaggerCannotUseAndSaysWhy() {
        ImportPolicy policy = Avro.policy("cluster", "good", CosignKey.generate(), "quay.io");
        var keys = new ArrayList<>(policy.getTrustedKeys());
        keys.add(TrustedKey.newBuilder()
                .setName("future")
                .setKeyType(TrustedKeyType.Unknown)
                .setPublicKey("?")
                .build());
        keys.add(TrustedKey.newBuilder()
                .setName("broken")
                .setKeyType(TrustedKeyType.CosignECDSA)
                .setPublicKey("not a key")
                .build());

        collector.add(
                Source.POLICY,
                new Position("imagepipe.policy", 0, 0),
                AT,
                "cluster",
                ImportPolicy.newBuilder(policy).setTrustedKeys(keys).build());

        assertThat(collector.log().policies()).singleElement().satisfies(p -> {
            assertThat(p.get().trustedKeys()).extracting(k -> k.name()).containsExactly("good");
            assertThat(p.get().unusableKeys())
                    .hasSize(2)
                    .anySatisfy(u -> assertThat(u).startsWith("future: unknown key type"))
                    .anySatisfy(u -> assertThat(u).startsWith("broken: "));
        });
    }

    @Test
    void reportsAValueThatCannotBeMappedAsUnreadable() {
        var badKey = Avro.tagEvent(TagEventKind.Added, "ns/app:v1", null, null, null, null, AT);
        collector.add(Source.IMAGES, new Position("imagepipe.images", 0, 5), AT, "k", badKey); // a tag event on images

        assertThat(collector.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.READABLE);
            assertThat(v.primary().position().offset()).isEqualTo(5);
        });
    }
}
