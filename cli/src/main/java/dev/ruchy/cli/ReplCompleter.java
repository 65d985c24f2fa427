package dev.ruchy.cli;

import dev.ruchy.transpiler.code.RuntimeCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the REPL: names defined in the session, builtins, runtime namespaces and
 * paths ({@code http::se} → {@code http::serve}), and the REPL's {@code :commands}.
 */
final class ReplCompleter implements Completer {
    private static final List<String> COMMANDS = List.of(":help", ":quit", ":reset", ":load", ":type", ":java",
            ":servers", ":stop");
    private final ReplSession session;
    private final RuntimeCatalog catalog = RuntimeCatalog.standard();

    ReplCompleter(ReplSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.line().substring(0, line.cursor()), line.word())) {
            boolean namespace = c.endsWith("::");
            candidates.add(new Candidate(c, c, null, null, null, null, !namespace));
        }
    }

    /** What {@code word} (the name or path before the cursor, in {@code before}) may become. */
    Set<String> candidates(String before, String word) {
        Set<String> out = new TreeSet<>();
        if (before.strip().equals(word) && word.startsWith(":")) {
            COMMANDS.stream().filter(c -> c.startsWith(word)).forEach(out::add);
            return out;
        }
        if (word.contains(".")) {
            return out; // methods: not offered yet
        }
        if (word.contains("::")) {
            for (String path : catalog.pathNames()) {
                if (path.startsWith(word)) {
                    int next = path.indexOf("::", word.length());
                    out.add(next < 0 ? path : path.substring(0, next + 2));
                }
            }
            return out;
        }
        for (String name : session.names()) {
            if (name.startsWith(word)) {
                out.add(name);
            }
        }
        for (String name : catalog.builtinNames()) {
            if (name.startsWith(word)) {
                out.add(name);
            }
        }
        for (String ns : catalog.namespaces()) {
            if (ns.startsWith(word)) {
                out.add(ns + "::");
            }
        }
        return out;
    }
}
