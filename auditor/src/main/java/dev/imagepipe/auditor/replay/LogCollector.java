package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.invariant.CredentialScan;
import dev.imagepipe.auditor.invariant.Evidence;
import dev.imagepipe.auditor.invariant.ManifestDigests;
import dev.imagepipe.auditor.invariant.Rule;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The edge between decoded Avro values and the audit log: maps each value of a source to its log record, and runs
 * the checks that need the whole value while it is at hand: {@link CredentialScan} over every string,
 * {@link ManifestDigests} (after which the manifest is dropped), and {@link Rule#READABLE} for values that do not
 * decode or do not map. Not thread-safe: one replay, one thread.
 */
public final class LogCollector {

    private final AuditLog.Builder log = AuditLog.builder();
    private final List<Violation> violations = new ArrayList<>();

    /**
     * Adds one record.
     *
     * @param value the decoded value of {@code source}'s type; {@code null} for a tombstone
     */
    public void add(Source source, Position position, Instant timestamp, String key, SpecificRecord value) {
        if (value == null) {
            tombstone(source, position, timestamp, key);
            return;
        }
        violations.addAll(CredentialScan.check(position, key, timestamp, StringFields.of(value)));
        try {
            switch (source) {
                case TAG_EVENTS ->
                    log.tagEvent(Logged.of(position, timestamp, key, AvroTagEvents.tagEvent((TagEventRecord) value)));
                case IMPORT_RESULTS ->
                    log.importResult(
                            Logged.of(position, timestamp, key, AvroRecords.importResult((ImageStreamImport) value)));
                case IMAGES -> image(Logged.of(position, timestamp, key, AvroImages.image((Image) value)));
                case SIGNATURES ->
                    log.signature(Logged.of(position, timestamp, key, AvroImages.signature((ImageSignature) value)));
                case OBSERVATIONS ->
                    log.observation(
                            Logged.of(position, timestamp, key, AvroRecords.observation((RegistryObservation) value)));
                case TAGS ->
                    log.tag(Logged.of(position, timestamp, key, AvroTagEvents.tagView((ImageStreamTagView) value)));
                case STREAMS ->
                    log.stream(Logged.of(position, timestamp, key, AvroTagEvents.stream((ImageStream) value)));
                case POLICY ->
                    log.policy(Logged.of(position, timestamp, key, AvroPolicies.policy((ImportPolicy) value)));
            }
        } catch (RuntimeException e) {
            unreadable(position, timestamp, key, "decodes, but is invalid: " + e);
        }
    }

    /** Records a value that could not be decoded. */
    public void unreadable(Position position, Instant timestamp, String key, String problem) {
        violations.add(Violation.of(
                Rule.READABLE,
                "record " + position + " " + problem,
                new Evidence(position, key, timestamp, "unreadable record")));
    }

    /** The log collected so far. */
    public AuditLog log() {
        return log.build();
    }

    /** What the per-record checks found so far. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    private void image(Logged<ImageEntry> image) {
        ManifestDigests.check(image).ifPresent(violations::add);
        log.image(Logged.of(
                image.position(), image.timestamp(), image.key(), image.get().withoutManifest()));
    }

    private void tombstone(Source source, Position position, Instant timestamp, String key) {
        switch (source) {
            case TAG_EVENTS -> log.tagEvent(Logged.tombstone(position, timestamp, key));
            case IMPORT_RESULTS -> log.importResult(Logged.tombstone(position, timestamp, key));
            case IMAGES -> log.image(Logged.tombstone(position, timestamp, key));
            case SIGNATURES -> log.signature(Logged.tombstone(position, timestamp, key));
            case OBSERVATIONS -> log.observation(Logged.tombstone(position, timestamp, key));
            case TAGS -> log.tag(Logged.tombstone(position, timestamp, key));
            case STREAMS -> log.stream(Logged.tombstone(position, timestamp, key));
            case POLICY -> log.policy(Logged.tombstone(position, timestamp, key));
        }
    }
}
