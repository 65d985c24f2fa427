package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ruchy} command. Exit codes follow sysexits: 0 success, 1 diagnostics reported,
 * 2 usage error (picocli's default), 65 unreadable input, 70 internal failure.
 */
@Command(
        name = "ruchy",
        mixinStandardHelpOptions = true,
        versionProvider = RuchyCommand.Version.class,
        description = "Ruchy on the JVM: check, parse and transpile Ruchy programs.",
        subcommands = {CheckCommand.class, ParseCommand.class, CommandLine.HelpCommand.class})
public final class RuchyCommand implements Runnable {
    /** Input could not be read. */
    static final int EXIT_BAD_INPUT = 65;
    /** Something went wrong that is not the user's mistake. */
    static final int EXIT_SOFTWARE = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status; used by tests. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new RuchyCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("ruchy: internal error: " + ex);
            return EXIT_SOFTWARE;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ruchy " + Transpiler.VERSION + " (JVM, Java " + Runtime.version().feature() + ")"};
        }
    }
}
