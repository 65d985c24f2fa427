package dev.ruchy.cli;

import dev.ruchy.runtime.net.HelidonServers;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/**
 * {@code ruchy repl}: reads Ruchy and prints the value of each expression statement that is not
 * nil (Display form), as the Ruchy REPL does.
 *
 * <p>With standard input that is not a terminal, the whole input is one program, run once, and
 * no prompts are echoed. At a terminal it is an interactive session on JLine (line editing,
 * history in {@code ~/.ruchy_history}, completion, multi-line input decided by the parser): each
 * input is compiled and run once by a {@link ReplSession}, in this JVM, and what it defines stays
 * for the next inputs. Ctrl-C stops the running input, Ctrl-D leaves. See {@code docs/repl.md}.
 */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "Read, evaluate and print Ruchy.")
final class ReplCommand implements Callable<Integer> {
    private static final TranspileOptions REPL = TranspileOptions.defaults().withReplMode(true);
    static final String HELP = """
            Each input runs once; its bindings, functions and types stay for the next inputs.
            An unfinished input (open bracket, trailing operator) continues on the next line;
            an empty line abandons a broken one.
              :help          this text
              :quit          leave (also Ctrl-D); stops the servers started here
              :reset         forget every binding and definition
              :load FILE     run a Ruchy file into the session
              :type EXPR     the type inferred for EXPR
              :java EXPR     the Java that EXPR becomes
              :servers       the servers running in the background
              :stop N        stop server N
            Keys: Tab completes names, builtins, paths (http::se → http::serve) and methods;
            up/down and Ctrl-R search the history (~/.ruchy_history); Ctrl-C stops the running input.
            """;

    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            String program = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            return ScriptRunner.run(SourceFile.of("<stdin>", program), REPL, true);
        }
        return interactive();
    }

    private static int interactive() throws IOException {
        ReplSession session = new ReplSession(System.err);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("ruchy")
                    .parser(new ReplParser())
                    .completer(new ReplCompleter(session))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ... ")
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_BRACKET, false)
                    .build();
            PrintStream out = System.out;
            out.println("Ruchy " + Transpiler.VERSION + " on the JVM. :help for help, Ctrl-D to leave.");
            Runner runner = new Runner(session, terminal, out);
            while (true) {
                String input;
                try {
                    input = reader.readLine("ruchy> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: a fresh line
                } catch (EndOfFileException e) {
                    out.println();
                    break;
                }
                if (input.isBlank()) {
                    continue;
                }
                String trimmed = input.strip();
                if (trimmed.startsWith(":")) {
                    if (!command(trimmed, session, runner, out)) {
                        break;
                    }
                    continue;
                }
                runner.eval(input);
            }
            reader.getHistory().save();
            runner.close();
        }
        return 0;
    }

    /** {@code ~/.ruchy_history}, where {@code ~} is {@code $HOME} as the shell has it (else the JVM's user.home). */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".ruchy_history");
    }

    /** Runs a {@code :command}; false to leave. */
    private static boolean command(String line, ReplSession session, Runner runner, PrintStream out) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String arg = space < 0 ? "" : line.substring(space + 1).strip();
        switch (name) {
            case ":help", ":h", ":?" -> out.print(HELP);
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":reset" -> {
                session.reset();
                out.println("session reset");
            }
            case ":load", ":l" -> {
                try {
                    runner.eval(Files.readString(Path.of(arg)));
                } catch (IOException e) {
                    System.err.println("error: cannot read " + arg + ": " + e.getMessage());
                }
            }
            case ":type", ":t" -> {
                List<Diagnostic> diagnostics = new ArrayList<>();
                Type t = session.typeOf(arg, diagnostics);
                if (t == null) {
                    diagnostics.forEach(d -> System.err.print(DiagnosticRenderer.render(d)));
                } else {
                    out.println(TypeNames.ruchy(t));
                }
            }
            case ":java", ":j" -> {
                String java = session.java(arg);
                if (java != null) {
                    out.print(java);
                }
            }
            case ":servers" -> {
                List<Runner.Server> servers = runner.servers();
                if (servers.isEmpty()) {
                    out.println("no servers running");
                }
                servers.forEach(s -> out.println(s.id() + "  " + s.description()));
            }
            case ":stop" -> {
                try {
                    if (!runner.stop(Integer.parseInt(arg))) {
                        System.err.println("no server " + arg + " (:servers lists them)");
                    } else {
                        out.println("server " + arg + " stopped");
                    }
                } catch (NumberFormatException e) {
                    System.err.println("usage: :stop N (:servers lists them)");
                }
            }
            default -> System.err.println("unknown command " + name + " (:help lists them)");
        }
        return true;
    }

    /**
     * Runs inputs in a thread of their own, so that Ctrl-C can interrupt them and so that an input
     * that starts serving ({@code http::serve}, {@code server.listen()}) can go on in the background
     * while the prompt comes back.
     */
    static final class Runner implements AutoCloseable {
        /** A server started by an input, serving in that input's thread. */
        record Server(int id, String description, Runnable stop, Thread thread) {
        }

        private final ReplSession session;
        private final Terminal terminal;
        private final PrintStream out;
        private final List<Server> servers = new CopyOnWriteArrayList<>();
        private int nextServer = 1;

        Runner(ReplSession session, Terminal terminal, PrintStream out) {
            this.session = session;
            this.terminal = terminal;
            this.out = out;
        }

        void eval(String input) {
            ReplSession.Compiled compiled = session.compile(input);
            if (compiled == null) {
                return;
            }
            CompletableFuture<Server> serving = new CompletableFuture<>();
            FutureTask<ReplSession.Outcome> task = new FutureTask<>(() -> {
                HelidonServers.onServing((server, stop) -> {
                    Server s = register(server, stop);
                    if (!serving.isDone()) {
                        serving.complete(s);
                    } else {
                        out.println("server " + s.id() + " " + s.description() + " serves in the background");
                    }
                });
                return session.run(compiled);
            });
            Thread worker = Thread.ofPlatform().name("ruchy-input").daemon().start(task);
            Terminal.SignalHandler previous = terminal == null ? null
                    : terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
            try {
                while (true) {
                    try {
                        ReplSession.Outcome outcome = task.get(50, TimeUnit.MILLISECONDS);
                        if (outcome == ReplSession.Outcome.INTERRUPTED) {
                            System.err.println("interrupted");
                        }
                        return;
                    } catch (TimeoutException e) {
                        Server s = serving.getNow(null);
                        if (s != null) {
                            session.detach(compiled);
                            out.println("server " + s.id() + " " + s.description() + " serves in the background"
                                    + " (:servers lists, :stop " + s.id() + " stops it)");
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (ExecutionException e) {
                        System.err.println("ruchy: internal error: " + e.getCause());
                        return;
                    }
                }
            } finally {
                if (terminal != null) {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
            }
        }

        private synchronized Server register(String description, Runnable stop) {
            Server s = new Server(nextServer++, description, stop, Thread.currentThread());
            servers.add(s);
            return s;
        }

        /** The servers still serving. */
        List<Server> servers() {
            servers.removeIf(s -> !s.thread().isAlive());
            return List.copyOf(servers);
        }

        /** Stops server {@code id}; false when there is no such server. */
        boolean stop(int id) {
            for (Server s : servers()) {
                if (s.id() == id) {
                    s.stop().run();
                    try {
                        s.thread().join(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    servers.remove(s);
                    return true;
                }
            }
            return false;
        }

        /** Stops every server. */
        @Override
        public void close() {
            for (Server s : servers()) {
                stop(s.id());
            }
        }
    }

    /** {@code Console.isTerminal()} exists from JDK 22; before that a console is a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Ruchy's spelling of inferred types, for {@code :type}. */
    static final class TypeNames {
        private TypeNames() {
        }

        static String ruchy(Type t) {
            return switch (t) {
                case Type.Int i -> "i64";
                case Type.Float f -> "f64";
                case Type.Bool b -> "bool";
                case Type.Str s -> "String";
                case Type.Nil n -> "()";
                case Type.ListType l -> "Vec<" + ruchy(l.element()) + ">";
                case Type.TupleType tt -> tt.elements().stream().map(TypeNames::ruchy).collect(Collectors.joining(", ", "(", ")"));
                case Type.FunctionType f -> f.params() == null || f.params().isEmpty() && f.arity() > 0 ? "fn/" + f.arity()
                        : f.params().stream().map(TypeNames::ruchy).collect(Collectors.joining(", ", "fn(", ")"))
                                + (f.result() == null ? "" : " -> " + ruchy(f.result()));
                case Type.Named n -> n.name();
                case Type.OptionType o -> "Option<" + ruchy(o.element()) + ">";
                case Type.ResultType r -> "Result<" + ruchy(r.ok()) + ", " + ruchy(r.err()) + ">";
                case Type.RuntimeClass c -> c.alias();
                case Type.RangeType r -> "Range<i64>";
                case Type.ObjectType o -> "Object";
                default -> "any (decided at run time)";
            };
        }
    }
}
