package dev.imagepipe.cli;

import picocli.CommandLine.Command;

/** {@code imagepipe audit}: prove from the log alone what every tag pointed at, and that the log is sound. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Replay the log and check its invariants, or ask what a tag pointed at at some time.",
        subcommands = {AuditReplayCommand.class, AuditAtCommand.class})
final class AuditCommand {}
