package dev.imagepipe.cli;

import picocli.CommandLine.Command;

/** {@code imagepipe policy}: the import policy on the {@code policy} topic. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description =
                "Manage the import policy: allowed, blocked and insecure registries, mirrors, trusted keys, limits.",
        subcommands = {PolicyApplyCommand.class, PolicyGetCommand.class})
final class PolicyCommand {}
