package dev.ruchy.cli;

import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Type;
import java.util.ArrayList;
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

    /** The methods and fields a value of type {@code t} has, where the type says (empty for dynamic values). */
    private Set<String> members(Type t) {
        Set<String> names = new TreeSet<>();
        if (t instanceof Type.Named n) {
            names.addAll(session.membersOf(n.name()));
        } else if (t instanceof Type.RuntimeClass c) {
            for (String owner : List.of(c.alias(), c.qualified())) {
                names.addAll(catalog.members(owner).keySet());
                names.addAll(catalog.fields(owner).keySet());
            }
        } else if (t != null && RuntimeCatalog.kindOf(t) != null) {
            names.addAll(catalog.methodNames(RuntimeCatalog.kindOf(t)));
            names.addAll(catalog.methodNames(RuntimeCatalog.Kind.ANY));
        }
        return names;
    }

    /** What {@code word} (the name or path before the cursor, in {@code before}) may become. */
    Set<String> candidates(String before, String word) {
        Set<String> out = new TreeSet<>();
        if (before.strip().equals(word) && word.startsWith(":")) {
            COMMANDS.stream().filter(c -> c.startsWith(word)).forEach(out::add);
            return out;
        }
        if (word.contains(".")) {
            int dot = word.lastIndexOf('.');
            String receiver = word.substring(0, dot);
            String prefix = word.substring(dot + 1);
            if (!receiver.isEmpty()) {
                for (String member : members(session.typeOf(receiver, new ArrayList<>()))) {
                    if (member.startsWith(prefix)) {
                        out.add(receiver + "." + member);
                    }
                }
            }
            return out;
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
