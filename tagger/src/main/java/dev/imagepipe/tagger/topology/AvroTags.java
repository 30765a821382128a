package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventConditionType;
import dev.imagepipe.schemas.avro.TagReference;
import dev.imagepipe.schemas.avro.TagReferencePolicy;
import dev.imagepipe.tagger.history.ReferencePolicy;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.TagCondition;
import dev.imagepipe.tagger.history.TagEvent;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Maps one tag's records between Avro and the history domain: spec tag ({@code TagReference}), history
 * ({@code NamedTagEventList}), {@code TagEvent}, {@code TagEventCondition} and the two tag policies.
 */
final class AvroTags {

    private AvroTags() {}

    static SpecTag specTag(TagReference tag) {
        return new SpecTag(
                tag.getName(),
                tag.getAnnotations(),
                Optional.ofNullable(tag.getFrom()).map(AvroTags::from),
                tag.getReference(),
                Optional.ofNullable(tag.getGeneration()),
                importPolicy(tag.getImportPolicy()),
                Optional.of(referencePolicy(tag.getReferencePolicy())));
    }

    static TagReference specTag(SpecTag tag) {
        return TagReference.newBuilder()
                .setName(tag.name())
                .setAnnotations(new LinkedHashMap<>(tag.annotations()))
                .setFrom(tag.from().map(AvroTags::from).orElse(null))
                .setReference(tag.reference())
                .setGeneration(tag.generation().orElse(null))
                .setImportPolicy(importPolicy(tag.importPolicy()))
                .setReferencePolicy(referencePolicy(tag.effectiveReferencePolicy()))
                .build();
    }

    static TagHistory history(NamedTagEventList list) {
        return new TagHistory(
                list.getTag(),
                list.getItems().stream().map(AvroTags::event).toList(),
                list.getConditions().stream().map(AvroTags::condition).toList());
    }

    static NamedTagEventList history(TagHistory history) {
        return NamedTagEventList.newBuilder()
                .setTag(history.tag())
                .setItems(history.items().stream().map(AvroTags::event).toList())
                .setConditions(
                        history.conditions().stream().map(AvroTags::condition).toList())
                .build();
    }

    static TagEvent event(dev.imagepipe.schemas.avro.TagEvent event) {
        return new TagEvent(
                event.getCreated(), event.getDockerImageReference(), event.getImage(), event.getGeneration());
    }

    static dev.imagepipe.schemas.avro.TagEvent event(TagEvent event) {
        return new dev.imagepipe.schemas.avro.TagEvent(
                event.created(), event.dockerImageReference(), event.image(), event.generation());
    }

    static TagCondition condition(TagEventCondition condition) {
        return new TagCondition(
                TagCondition.Type.IMPORT_SUCCESS, // the only type the schema has
                switch (condition.getStatus()) {
                    case True -> TagCondition.Status.TRUE;
                    case False -> TagCondition.Status.FALSE;
                    case Unknown -> TagCondition.Status.UNKNOWN;
                },
                Optional.ofNullable(condition.getLastTransitionTime()),
                Optional.ofNullable(condition.getReason()),
                Optional.ofNullable(condition.getMessage()),
                condition.getGeneration());
    }

    static TagEventCondition condition(TagCondition condition) {
        return TagEventCondition.newBuilder()
                .setType(TagEventConditionType.ImportSuccess)
                .setStatus(
                        switch (condition.status()) {
                            case TRUE -> ConditionStatus.True;
                            case FALSE -> ConditionStatus.False;
                            case UNKNOWN -> ConditionStatus.Unknown;
                        })
                .setLastTransitionTime(condition.lastTransitionTime().orElse(null))
                .setReason(condition.reason().orElse(null))
                .setMessage(condition.message().orElse(null))
                .setGeneration(condition.generation())
                .build();
    }

    static TagImportPolicy importPolicy(dev.imagepipe.schemas.avro.TagImportPolicy policy) {
        return new TagImportPolicy(
                policy.getInsecure(),
                policy.getScheduled(),
                Optional.ofNullable(policy.getImportMode())
                        .map(mode -> mode == ImportMode.PreserveOriginal
                                ? TagImportPolicy.Mode.PRESERVE_ORIGINAL
                                : TagImportPolicy.Mode.LEGACY));
    }

    static dev.imagepipe.schemas.avro.TagImportPolicy importPolicy(TagImportPolicy policy) {
        return new dev.imagepipe.schemas.avro.TagImportPolicy(
                policy.insecure(),
                policy.scheduled(),
                policy.importMode()
                        .map(mode -> mode == TagImportPolicy.Mode.PRESERVE_ORIGINAL
                                ? ImportMode.PreserveOriginal
                                : ImportMode.Legacy)
                        .orElse(null));
    }

    static ReferencePolicy referencePolicy(TagReferencePolicy policy) {
        return policy.getType() == ReferencePolicyType.Local ? ReferencePolicy.LOCAL : ReferencePolicy.SOURCE;
    }

    static TagReferencePolicy referencePolicy(ReferencePolicy policy) {
        return new TagReferencePolicy(
                policy == ReferencePolicy.LOCAL ? ReferencePolicyType.Local : ReferencePolicyType.Source);
    }

    private static TagFrom from(ObjectReference from) {
        return new TagFrom(from.getKind(), from.getName(), Optional.ofNullable(from.getNamespace()));
    }

    private static ObjectReference from(TagFrom from) {
        return new ObjectReference(from.kind(), from.name(), from.namespace().orElse(null));
    }
}
