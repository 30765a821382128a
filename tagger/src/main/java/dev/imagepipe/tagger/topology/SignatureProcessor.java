package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.tagger.signature.SignatureVerdict;
import dev.imagepipe.tagger.signature.SignatureVerifier;
import dev.imagepipe.tagger.signature.TargetImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Operator {@value TaggerTopology#VERIFY_PROCESSOR}: verifies the signatures of each {@code images} record (key digest)
 * against the policy's trusted keys and writes each changed verdict to {@code signatures} (key
 * {@code <digest>@<name>}, the signature's {@code metadata.name}); a signature an image no longer carries gets a
 * tombstone. Store {@value TaggerTopology#SIGNATURES_STORE} keeps, per digest, what was last written.
 *
 * <p>When the trusted keys change (checked before each record and on a wall-clock punctuation, since the global policy
 * store cannot forward), every stored signature is re-verified and only changed verdicts are written. Every stored
 * signature, not only those whose scope a changed key covers: a verdict's message may name keys of other scopes.
 * Probes are at the policy record's time, or the image record's, but never earlier than the signature's last probe, so
 * a re-check after a restart cannot step back in time and revive a verdict that a later probe superseded.
 */
final class SignatureProcessor implements Processor<String, Image, String, ImageSignature> {

    private final TaggerTopology.Settings settings;
    private ProcessorContext<String, ImageSignature> context;
    private KeyValueStore<String, Image> store;
    private PolicyView policy;
    /** The keys the verifier was built from; null until the first check, which re-verifies what a restart found. */
    private List<TrustedKey> appliedKeys;

    private SignatureVerifier verifier;

    SignatureProcessor(TaggerTopology.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ImageSignature> context) {
        this.context = context;
        store = context.getStateStore(TaggerTopology.SIGNATURES_STORE);
        policy = new PolicyView(context.getStateStore(TaggerTopology.POLICY_STORE), settings.policyName());
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, now -> checkPolicy());
    }

    @Override
    public void process(Record<String, Image> record) {
        checkPolicy();
        String digest = record.key();
        Optional<Image> stored = Optional.ofNullable(store.get(digest));
        if (record.value() == null) {
            stored.ifPresent(s -> {
                tombstone(s.getSignatures(), record.timestamp());
                store.delete(digest);
            });
            return;
        }
        Image image = record.value();
        Map<String, ImageSignature> previous =
                byName(stored.map(Image::getSignatures).orElse(List.of()));
        TargetImage target = TargetImage.of(digest, image.getDockerImageReference());
        Instant at = Instant.ofEpochMilli(record.timestamp());
        var kept = new ArrayList<ImageSignature>();
        for (ImageSignature signature : image.getSignatures()) {
            Optional<ImageSignature> before =
                    Optional.ofNullable(previous.remove(signature.getMetadata().getName()));
            kept.add(verify(signature, before, target, at, record.timestamp()));
        }
        tombstone(previous.values(), record.timestamp()); // what is left is no longer on the image
        if (kept.isEmpty()) {
            if (stored.isPresent()) {
                store.delete(digest);
            }
        } else {
            store.put(digest, judged(digest, image.getDockerImageReference(), kept));
        }
    }

    /** The signature as it stands after this probe; written to {@code signatures} only if its verdict changed. */
    private ImageSignature verify(
            ImageSignature signature,
            Optional<ImageSignature> previous,
            TargetImage target,
            Instant at,
            long timestamp) {
        Instant probe = previous.flatMap(AvroSignatures::lastProbe)
                .filter(last -> last.isAfter(at))
                .orElse(at);
        AvroSignatures.SignedContentOrVerdict content = AvroSignatures.content(signature);
        SignatureVerdict verdict = content.verdict()
                .orElseGet(() -> verifier.verify(content.content().orElseThrow(), target, probe));
        ImageSignature verified = AvroSignatures.verified(signature, previous, verdict, probe);
        if (previous.isPresent() && AvroSignatures.sameVerdict(previous.get(), verified)) {
            return previous.get(); // the store mirrors the topic: an unchanged verdict is not rewritten
        }
        context.forward(new Record<>(verified.getMetadata().getName(), verified, timestamp));
        return verified;
    }

    private void tombstone(Collection<ImageSignature> gone, long timestamp) {
        for (ImageSignature signature : gone) {
            context.forward(
                    new Record<String, ImageSignature>(signature.getMetadata().getName(), null, timestamp));
        }
    }

    /** Rebuilds the verifier when the trusted keys changed, and re-verifies every stored signature with it. */
    private void checkPolicy() {
        PolicyView.Current current = policy.current();
        List<TrustedKey> keys = current.avro().getTrustedKeys();
        if (keys.equals(appliedKeys)) {
            return;
        }
        appliedKeys = List.copyOf(keys);
        verifier = new SignatureVerifier(current.trust());
        Instant probe = current.publishedAt().orElseGet(() -> settings.clock().instant());
        var updates = new ArrayList<KeyValue<String, Image>>();
        try (KeyValueIterator<String, Image> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Image> entry = all.next();
                reverify(entry.key, entry.value, probe)
                        .ifPresent(updated -> updates.add(KeyValue.pair(entry.key, updated)));
            }
        }
        updates.forEach(update -> store.put(update.key, update.value));
    }

    private Optional<Image> reverify(String digest, Image stored, Instant probe) {
        TargetImage target = TargetImage.of(digest, stored.getDockerImageReference());
        var signatures = new ArrayList<ImageSignature>();
        boolean changed = false;
        for (ImageSignature signature : stored.getSignatures()) {
            ImageSignature after = verify(signature, Optional.of(signature), target, probe, probe.toEpochMilli());
            changed |= after != signature;
            signatures.add(after);
        }
        return changed ? Optional.of(judged(digest, stored.getDockerImageReference(), signatures)) : Optional.empty();
    }

    /**
     * What the store keeps of an image: its digest, the reference identities are matched against, and its signatures
     * as last written. Layers, manifests and metadata are left out; the {@code images} topic has them.
     */
    private static Image judged(String digest, String reference, List<ImageSignature> signatures) {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference(reference)
                .setDockerImageManifestMediaType("")
                .setSignatures(signatures)
                .build();
    }

    private static Map<String, ImageSignature> byName(List<ImageSignature> signatures) {
        return signatures.stream()
                .collect(Collectors.toMap(
                        s -> s.getMetadata().getName(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
