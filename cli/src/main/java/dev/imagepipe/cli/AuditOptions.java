package dev.imagepipe.cli;

import dev.imagepipe.auditor.command.AuditConnection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The connection flags of the audit commands, and the policy whose trusted keys signatures are checked with. */
final class AuditOptions {

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--policy-name",
            paramLabel = "NAME",
            description = "Policy whose trusted keys the tagger applies; env IMAGEPIPE_POLICY_NAME"
                    + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_POLICY_NAME:-" + AuditConnection.DEFAULT_POLICY_NAME + "}")
    String policyName;

    AuditConnection auditConnection() {
        return new AuditConnection(
                connection.bootstrapServers, connection.schemaRegistryUrl, connection.topicPrefix, policyName);
    }
}
