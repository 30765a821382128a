package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagImportPolicy;
import dev.imagepipe.tagger.schedule.ImportPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps a scheduled {@link ImportPlan} to the {@code ImageStreamImportRequest} the scheduler writes to
 * {@code import.requests} (key {@code ns/stream}, cause {@code Scheduled}). The stream's resource version is the
 * request's optimistic lock (A2.4); {@code metadata.uid} is the request's own uid.
 */
final class AvroImportRequests {

    private AvroImportRequests() {}

    static ImageStreamImportRequest scheduled(ImportPlan plan, Instant requestedAt) {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(plan.namespace())
                        .setName(plan.name())
                        .setUid(requestUid(plan, requestedAt))
                        .setResourceVersion(plan.resourceVersion().orElse(null))
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(plan.images().stream()
                                .map(AvroImportRequests::image)
                                .toList())
                        .setRepository(plan.repository()
                                .map(AvroImportRequests::repository)
                                .orElse(null))
                        .build())
                .setRequestedAt(requestedAt)
                .setCause(ImportCause.Scheduled)
                .build();
    }

    /**
     * A name-based uid of stream, version and time: fresh for every round that issues (time moves on), and the same
     * if a round is replayed with the same inputs, so a duplicate is recognisable as one.
     */
    static String requestUid(ImportPlan plan, Instant requestedAt) {
        String seed = "scheduled " + plan.namespace() + "/" + plan.name() + " "
                + plan.resourceVersion().orElse("") + " " + requestedAt.toEpochMilli();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ImageImportSpec image(ImportPlan.TagImport tag) {
        return ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference(TagFrom.DOCKER_IMAGE, tag.from(), null))
                .setTo(new LocalObjectReference(tag.tag()))
                .setImportPolicy(AvroTags.importPolicy(tag.importPolicy()))
                .setReferencePolicy(AvroTags.referencePolicy(tag.referencePolicy()))
                .build();
    }

    private static RepositoryImportSpec repository(ImportPlan.RepositoryImport repository) {
        return RepositoryImportSpec.newBuilder()
                .setFrom(new ObjectReference(TagFrom.DOCKER_IMAGE, repository.from(), null))
                // As OpenShift's controller: only the insecure annotation travels to a repository import (A13.1).
                .setImportPolicy(
                        AvroTags.importPolicy(new TagImportPolicy(repository.insecure(), false, Optional.empty())))
                .build();
    }
}
