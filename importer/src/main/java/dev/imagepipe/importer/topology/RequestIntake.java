package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.request.ImportPlanner;
import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.importer.request.PlannedFetch;
import dev.imagepipe.importer.request.RequestValidator;
import dev.imagepipe.importer.request.Violation;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportProgress;
import dev.imagepipe.schemas.avro.ImportTask;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates and plans each request. In: {@code import.requests} (key {@code ns/stream}). Out, by value type: an
 * invalid request's {@code ImageStreamImport} result (key {@code ns/stream}); a valid request's {@code ImportProgress}
 * expectation (key {@code ns/stream}); and one {@code ImportTask} per planned fetch (key canonical repository).
 */
final class RequestIntake implements Processor<String, ImageStreamImportRequest, String, SpecificRecord> {

    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

    private final PolicyDefaults defaults;
    private ProcessorContext<String, SpecificRecord> context;
    private PolicyView policies;

    RequestIntake(PolicyDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.policies = new PolicyView(context.getStateStore(ImporterTopology.POLICY_STORE), defaults);
    }

    @Override
    public void process(Record<String, ImageStreamImportRequest> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            log.warn(
                    "ignoring a tombstone on {} partition {} offset {}: requests are never deleted",
                    source.topic(),
                    source.partition(),
                    source.offset());
            return;
        }
        ImportRequest request = AvroRequests.toDomain(record.key(), record.value());
        List<Violation> violations = RequestValidator.validate(request);
        if (!violations.isEmpty()) {
            context.forward(record.withValue(InvalidRequests.result(record.value(), violations)));
            return;
        }
        PolicyView.Current policy = policies.current();
        ImageStreamImportRequest defaulted = AvroRequests.defaulted(record.value(), policy.defaultMode());
        List<PlannedFetch> plan = ImportPlanner.plan(request, policy.defaultMode());
        String requestId = source.partition() + "@" + source.offset();
        context.forward(record.withValue(ImportProgress.newBuilder()
                .setRequestId(requestId)
                .setRequestOffset(source.offset())
                .setRequest(defaulted)
                .setExpectedTasks(plan.size())
                .build()));
        for (PlannedFetch fetch : plan) {
            context.forward(new Record<>(
                    fetch.repositoryKey(),
                    task(record, request, requestId, source.offset(), fetch, policy),
                    record.timestamp()));
        }
    }

    private static ImportTask task(
            Record<String, ImageStreamImportRequest> record,
            ImportRequest request,
            String requestId,
            long offset,
            PlannedFetch fetch,
            PolicyView.Current policy) {
        ImageStreamImportRequest value = record.value();
        boolean includeManifest = fetch.repositoryImport()
                ? value.getSpec().getRepository().getIncludeManifest()
                : fetch.specIndexes().stream()
                        .anyMatch(i -> value.getSpec().getImages().get(i).getIncludeManifest());
        return ImportTask.newBuilder()
                .setTaskId(requestId + "#" + fetch.taskIndex())
                .setRequestId(requestId)
                .setRequestOffset(offset)
                .setRequestKey(record.key())
                .setRequestUid(value.getMetadata().getUid())
                .setNamespace(request.namespace().orElseThrow())
                .setFrom(fetch.from())
                .setRepositoryImport(fetch.repositoryImport())
                .setSpecIndexes(fetch.specIndexes())
                .setImportMode(AvroRequests.mode(fetch.mode()))
                .setInsecure(fetch.insecure())
                .setPreferArch(request.preferArch().orElse(null))
                .setPreferOs(request.preferOs().orElse(null))
                .setMaxTags(policy.maxTags())
                .setIncludeManifest(includeManifest)
                .setDryRun(request.dryRun())
                .setRequestedAt(value.getRequestedAt())
                .build();
    }
}
