package dev.imagepipe.cli;

import picocli.CommandLine.Command;

/** {@code imagepipe tag}: changes to image stream tags that are not imports. */
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
        description = "Change image stream tags.",
        subcommands = {TagDeleteCommand.class})
final class TagCommand {}
