package dev.imagepipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code imagepipe} command: the pipeline's entry point for people and scripts. */
@Command(
        name = "imagepipe",
        mixinStandardHelpOptions = true,
        versionProvider = Imagepipe.Version.class,
        description = "Import container image metadata and keep an auditable history of image tags.",
        subcommands = {
            UpCommand.class,
            ImporterCommand.class,
            TaggerCommand.class,
            AuditorCommand.class,
            TopicsCommand.class,
            PolicyCommand.class,
            ImportCommand.class,
            GetCommand.class,
            WatchCommand.class,
            TagCommand.class,
            AuditCommand.class
        })
public final class Imagepipe {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run commands through it too. */
    static CommandLine commandLine() {
        return new CommandLine(new Imagepipe()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Reports the jar's version from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Imagepipe.class.getPackage().getImplementationVersion();
            return new String[] {"imagepipe " + (version == null ? "(development build)" : version)};
        }
    }
}
