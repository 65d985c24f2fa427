package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ruchy repl}: reads Ruchy and prints the value of each expression statement that is not
 * nil (Display form), as the Ruchy REPL does.
 *
 * <p>With standard input that is not a terminal, the whole input is one program, run once, and
 * no prompts are echoed. At a terminal it reads one input at a time (continuing lines while
 * brackets are open); each input is added to the session and the session is run again, showing
 * only the output the new input produced. Earlier inputs therefore run again: their side effects
 * on files or the network repeat. An input with an error is reported and left out of the session.
 */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "Read, evaluate and print Ruchy.")
final class ReplCommand implements Callable<Integer> {
    private static final TranspileOptions REPL = TranspileOptions.defaults().withReplMode(true);

    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            String program = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            return ScriptRunner.run(SourceFile.of("<stdin>", program), REPL, true);
        }
        return interactive(console);
    }

    private static int interactive(Console console) {
        PrintStream terminal = System.out;
        StringBuilder session = new StringBuilder();
        String shown = "";
        terminal.println("Ruchy " + dev.ruchy.transpiler.Transpiler.VERSION + " on the JVM. Ctrl-D to leave.");
        while (true) {
            String input = readInput(console);
            if (input == null) {
                terminal.println();
                return 0;
            }
            if (input.isBlank()) {
                continue;
            }
            String candidate = session + input + "\n";
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int status;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                status = ScriptRunner.run(SourceFile.of("<repl>", candidate), REPL, true);
            } finally {
                System.setOut(terminal);
            }
            String output = captured.toString(StandardCharsets.UTF_8);
            terminal.print(output.startsWith(shown) ? output.substring(shown.length()) : output);
            terminal.flush();
            if (status == 0) {
                session.append(input).append('\n');
                shown = output;
            }
        }
    }

    /** One input: lines are joined while brackets opened in it are still open. */
    private static String readInput(Console console) {
        StringBuilder input = new StringBuilder();
        String line = console.readLine("ruchy> ");
        while (line != null) {
            input.append(line).append('\n');
            if (openBrackets(input) <= 0) {
                return input.toString();
            }
            line = console.readLine("   ... ");
        }
        return input.isEmpty() ? null : input.toString();
    }

    private static int openBrackets(CharSequence text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
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
}
