package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImageLookupPolicy;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamSpec;
import dev.imagepipe.schemas.avro.ImageStreamStatus;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.StreamMetadata;
import dev.imagepipe.tagger.history.StreamSpec;
import dev.imagepipe.tagger.history.StreamStatus;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Maps an image stream between Avro {@code ImageStream} (store {@code tagger-streams}, topic {@code streams}) and
 * {@link ImageStreamState}. Tag records are {@link AvroTags}'.
 */
final class AvroStreams {

    private AvroStreams() {}

    static ImageStreamState toDomain(ImageStream stream) {
        ObjectMeta m = stream.getMetadata();
        var metadata = new StreamMetadata(
                m.getNamespace() == null ? "" : m.getNamespace(),
                m.getName(),
                Optional.ofNullable(m.getUid()),
                Optional.ofNullable(m.getResourceVersion()),
                m.getGeneration(),
                Optional.ofNullable(m.getCreationTimestamp()),
                m.getLabels(),
                m.getAnnotations());
        ImageStreamSpec spec = stream.getSpec();
        ImageStreamStatus status = stream.getStatus();
        return new ImageStreamState(
                metadata,
                new StreamSpec(
                        spec.getLookupPolicy().getLocal(),
                        Optional.ofNullable(spec.getDockerImageRepository()),
                        spec.getTags().stream().map(AvroTags::specTag).toList()),
                new StreamStatus(
                        status.getDockerImageRepository(),
                        Optional.ofNullable(status.getPublicDockerImageRepository()),
                        status.getTags().stream().map(AvroTags::history).toList()));
    }

    static ImageStream toAvro(ImageStreamState stream) {
        StreamMetadata m = stream.metadata();
        return ImageStream.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(m.namespace())
                        .setName(m.name())
                        .setUid(m.uid().orElse(null))
                        .setResourceVersion(m.resourceVersion().orElse(null))
                        .setGeneration(m.generation())
                        .setCreationTimestamp(m.creationTimestamp().orElse(null))
                        .setLabels(new LinkedHashMap<>(m.labels()))
                        .setAnnotations(new LinkedHashMap<>(m.annotations()))
                        .build())
                .setSpec(ImageStreamSpec.newBuilder()
                        .setLookupPolicy(new ImageLookupPolicy(stream.spec().lookupLocal()))
                        .setDockerImageRepository(
                                stream.spec().dockerImageRepository().orElse(null))
                        .setTags(stream.spec().tags().stream()
                                .map(AvroTags::specTag)
                                .toList())
                        .build())
                .setStatus(ImageStreamStatus.newBuilder()
                        .setDockerImageRepository(stream.status().dockerImageRepository())
                        .setPublicDockerImageRepository(
                                stream.status().publicDockerImageRepository().orElse(null))
                        .setTags(stream.status().tags().stream()
                                .map(AvroTags::history)
                                .toList())
                        .build())
                .build();
    }
}
