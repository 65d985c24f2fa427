package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.source.SourceFile;
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
        description = "Ruchy on the JVM: run, transpile and check Ruchy programs.",
        subcommands = {RunCommand.class, ReplCommand.class, TranspileCommand.class, CheckCommand.class, ParseCommand.class,
                CommandLine.HelpCommand.class})
public final class RuchyCommand implements Runnable {
    /** Input could not be read. */
    static final int EXIT_BAD_INPUT = 65;
    /** Something went wrong that is not the user's mistake. */
    static final int EXIT_SOFTWARE = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "-e", paramLabel = "CODE",
            description = "evaluate CODE and print the value of its last expression (unless nil)")
    String eval;

    /** Exit status of the last {@code -e} evaluation. */
    private int evalStatus;

    @Override
    public void run() {
        if (eval != null) {
            evalStatus = RunCommand.run(SourceFile.of("<eval>", eval), true, true, new String[0]);
            return;
        }
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status; used by tests. */
    public static int execute(String... args) {
        CommandLine cli = newCommandLine();
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * A fresh command line with the project's error handling, writing to standard output and
     * error; tests redirect it with {@link CommandLine#setOut} and {@link CommandLine#setErr}.
     */
    static CommandLine newCommandLine() {
        RuchyCommand root = new RuchyCommand();
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("ruchy: internal error: " + ex);
            return EXIT_SOFTWARE;
        });
        // picocli hands only Exceptions to the handler above; a stack overflow would otherwise
        // reach the user as a stack trace
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult -> {
            try {
                int status = runLast.execute(parseResult);
                return parseResult.subcommand() == null && root.eval != null ? root.evalStatus : status;
            } catch (StackOverflowError e) {
                cli.getErr().println("ruchy: internal error: stack overflow (input nested too deeply?)");
                return EXIT_SOFTWARE;
            }
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ruchy " + Transpiler.VERSION + " (JVM, Java " + Runtime.version().feature() + ")"};
        }
    }
}
