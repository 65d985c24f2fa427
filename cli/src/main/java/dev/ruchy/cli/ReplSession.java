package dev.ruchy.cli;

import dev.ruchy.runtime.ProgramMain;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.TypeRef;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * The state of one interactive session: each input is transpiled, compiled and run once, in this
 * JVM, and what it defines stays for the inputs after it.
 *
 * <p>How: the session keeps the text of the inputs accepted so far. An input is transpiled together
 * with that text (so names, types and functions of earlier inputs are known) into a class of its
 * own, {@code Repl_N}, whose {@code main} runs the new input only. Every top-level binding the input
 * uses is a static field of that class: before {@code main} the session sets the fields of earlier
 * bindings to their current values, afterwards it reads them back. The earlier functions the input
 * calls are compiled again with it (they hold no state; what it does not use is left out, so an
 * input costs what it uses rather than what the session holds); structs, enums and classes are compiled
 * once, into the class of the input that declared them, and later inputs refer to them there, so
 * a value keeps its class. All classes of a session live in one class loader.
 *
 * <p>After an input is accepted, its statements other than definitions and bindings are blanked
 * out of the session text (kept as spaces, so offsets never move), and so are definitions it
 * replaces: a new {@code fun f} or {@code struct P} replaces the earlier one for later inputs.
 */
final class ReplSession {
    /** What became of an input. */
    enum Outcome { DONE, FAILED, INTERRUPTED }

    /** An input compiled and ready to run. */
    final class Compiled {
        final String input;
        final String className;
        final String candidate;
        final int liveFrom;
        final Map<Integer, String> fields;
        final int[] lineMap;
        final Set<String> touchedTypes;
        final Map<String, byte[]> classes;
        final String java;
        /** The input's fields once loaded; the bindings are read back from them once, by {@link #finish}. */
        Map<Integer, Field> loaded = Map.of();
        final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

        Compiled(String input, String className, String candidate, int liveFrom, Map<Integer, String> fields,
                int[] lineMap, Set<String> touchedTypes, Map<String, byte[]> classes, String java) {
            this.input = input;
            this.className = className;
            this.candidate = candidate;
            this.liveFrom = liveFrom;
            this.fields = fields;
            this.lineMap = lineMap;
            this.touchedTypes = touchedTypes;
            this.classes = classes;
            this.java = java;
        }
    }

    private final PrintStream err;
    private final SessionCompiler compiler = new SessionCompiler(ProgramCompiler.runtimeClasspath());
    private SessionLoader loader = new SessionLoader(ReplSession.class.getClassLoader());
    /** Accepted inputs, blanked as described above; offsets into it never change. */
    private String text = "";
    /** Current value of each binding, by the offset of its name in {@link #text}. */
    private final Map<Integer, Object> values = new HashMap<>();
    /** Struct, enum or class name to the class of the input it is nested in. */
    private final Map<String, String> typeOwners = new HashMap<>();
    /** Class files of inputs that own types, which later inputs are compiled against. */
    private final Map<String, byte[]> ownerClasses = new HashMap<>();
    private int counter;

    ReplSession(PrintStream err) {
        this.err = err;
    }

    /** Whether {@code input} is a prefix of a valid input: it ends in an open bracket, string or operator. */
    static boolean isIncomplete(String input) {
        Transpiler.ParseResult parsed = Transpiler.parse(SourceFile.of("<repl>", input));
        for (Diagnostic d : parsed.diagnostics()) {
            if (d.isError() && (d.message().contains("found end of file") || d.code() == DiagnosticCode.UNTERMINATED_STRING
                    || d.code() == DiagnosticCode.UNTERMINATED_BLOCK_COMMENT || d.code() == DiagnosticCode.UNTERMINATED_RAW_STRING
                    || d.code() == DiagnosticCode.UNTERMINATED_FSTRING_EXPR)) {
                return true;
            }
        }
        return false;
    }

    /** The session's text so far (earlier inputs, blanked as described above). */
    String text() {
        return text;
    }

    /**
     * Transpiles and compiles {@code input} against the session; prints diagnostics (positions
     * relative to the input) to {@code err} and returns null when it has errors.
     */
    Compiled compile(String input) {
        Transpiler.ParseResult own = Transpiler.parse(SourceFile.of("<repl>", input));
        if (own.hasErrors()) {
            report(own.diagnostics(), input, 0);
            return null;
        }
        String base = withoutReplaced(text, own.program().statements(), input);
        String separator = base.isEmpty() || base.endsWith("\n") ? "" : "\n";
        String candidate = base + separator + input + (input.endsWith("\n") ? "" : "\n");
        int liveFrom = base.length() + separator.length();
        Set<String> touched = touchedTypes(own.program().statements());
        Map<String, String> owners = new HashMap<>(typeOwners);
        owners.keySet().removeAll(touched);
        String className = "Repl_" + (counter + 1);
        Transpiler.SessionInputResult result = Transpiler.transpileSessionInput(
                SourceFile.of("<repl>", candidate), liveFrom, className, owners);
        if (result.result().hasErrors() || result.result().source() == null) {
            report(result.result().diagnostics(), input, liveFrom);
            return null;
        }
        InMemoryCompiler.Result compiled = compiler.compile(className, result.result().source(), ownerClasses);
        if (!compiled.succeeded()) {
            // the class holds only what the input was found to use; with everything, it is the class of old
            result = Transpiler.transpileSessionInput(SourceFile.of("<repl>", candidate), liveFrom, className, owners, true);
            compiled = compiler.compile(className, result.result().source(), ownerClasses);
        }
        if (!compiled.succeeded()) {
            err.println("ruchy: internal error: the Java generated for this input does not compile:");
            err.print(compiled.errors());
            err.println("(`:java` shows the generated Java)");
            return null;
        }
        counter++;
        int firstLine = SourceFile.of("<repl>", candidate).line(liveFrom);
        int[] map = result.result().lineMap().clone();
        for (int i = 0; i < map.length; i++) {
            map[i] = map[i] >= firstLine ? map[i] - firstLine + 1 : 0;
        }
        return new Compiled(input, className, candidate, liveFrom, result.fields(), map, touched, compiled.classes(),
                result.result().source());
    }

    /** The Java that {@code input} becomes, or null after printing its errors. Changes nothing. */
    String java(String input) {
        Compiled c = compile(input);
        if (c != null) {
            counter--;
        }
        return c == null ? null : c.java;
    }

    /**
     * Runs a compiled input in the calling thread (which the caller may interrupt: loops check) and,
     * when it finishes without error, accepts it into the session. Bindings of earlier inputs keep
     * what the input did to them even when it fails.
     */
    Outcome run(Compiled c) {
        loader.add(c.classes);
        Class<?> main;
        try {
            main = Class.forName(c.className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            err.println("ruchy: cannot load the compiled input: " + e);
            return Outcome.FAILED;
        }
        Map<Integer, Field> fields = new HashMap<>();
        for (Map.Entry<Integer, String> f : c.fields.entrySet()) {
            try {
                Field field = main.getDeclaredField(f.getValue());
                field.setAccessible(true);
                fields.put(f.getKey(), field);
            } catch (NoSuchFieldException e) {
                // not a binding of this class: nothing to carry over
            }
        }
        c.loaded = fields;
        for (Map.Entry<Integer, Field> f : fields.entrySet()) {
            int offset = f.getKey();
            if (offset < c.liveFrom && values.containsKey(offset)) {
                Object value = values.get(offset);
                try {
                    f.getValue().set(null, value);
                } catch (IllegalArgumentException | IllegalAccessException e) {
                    Object migrated = migrate(value, f.getValue().getType());
                    try {
                        if (migrated == null) {
                            throw new IllegalArgumentException("no migration");
                        }
                        f.getValue().set(null, migrated);
                    } catch (IllegalArgumentException | IllegalAccessException again) {
                        err.println("note: `" + nameAt(c.candidate, offset)
                                + "` held a value of an earlier definition of its type; it is reset");
                        values.remove(offset);
                    }
                }
            }
        }
        Outcome outcome = Outcome.DONE;
        try {
            Method entry = main.getMethod("main", String[].class);
            entry.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.out.flush();
            if (cause instanceof CancellationException || cause instanceof InterruptedException
                    || Thread.currentThread().isInterrupted()) {
                outcome = Outcome.INTERRUPTED;
            } else {
                ProgramMain.report(cause, c.className, "<repl>", c.lineMap, err);
                outcome = Outcome.FAILED;
            }
        } catch (ReflectiveOperationException e) {
            err.println("ruchy: cannot run the compiled input: " + e);
            outcome = Outcome.FAILED;
        } finally {
            System.out.flush();
            Thread.interrupted(); // the interruption, if any, is reported as the outcome
        }
        finish(c, outcome == Outcome.DONE);
        return outcome;
    }

    /**
     * Takes an input that is still running (a server it started serves) into the session as if it
     * had finished: its bindings so far are read back and its definitions kept. The input goes on in
     * its thread; what it does after this is not read back.
     */
    void detach(Compiled c) {
        finish(c, true);
    }

    /** Reads the bindings back (only the earlier inputs' when it failed) and accepts the input; once per input. */
    private synchronized void finish(Compiled c, boolean succeeded) {
        if (!c.finished.compareAndSet(false, true)) {
            return;
        }
        for (Map.Entry<Integer, Field> f : c.loaded.entrySet()) {
            if (f.getKey() < c.liveFrom || succeeded) {
                try {
                    values.put(f.getKey(), f.getValue().get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (succeeded) {
            accept(c);
        }
    }

    private void accept(Compiled c) {
        StringBuilder kept = new StringBuilder(c.candidate);
        // offsets of bindings no longer in the text are forgotten, with their values
        String before = c.candidate.substring(0, c.liveFrom);
        values.keySet().removeIf(offset -> offset < c.liveFrom && before.charAt(offset) == ' '
                && (offset >= text.length() || text.charAt(offset) != ' '));
        Transpiler.ParseResult own = Transpiler.parse(SourceFile.of("<repl>", c.input));
        for (Stmt s : own.program().statements()) {
            if (!isDefinition(s)) {
                blank(kept, c.liveFrom + s.span().start(), c.liveFrom + s.span().end());
            }
        }
        text = kept.toString();
        if (!c.touchedTypes.isEmpty()) {
            for (String t : c.touchedTypes) {
                typeOwners.put(t, c.className);
            }
            ownerClasses.putAll(c.classes);
            // class files of inputs that no longer own a type are not needed to compile later ones
            Set<String> owners = new HashSet<>(typeOwners.values());
            ownerClasses.keySet().removeIf(name -> !owners.contains(outer(name)));
        }
    }

    /** Forgets everything: bindings, definitions, classes. */
    void reset() {
        text = "";
        values.clear();
        typeOwners.clear();
        ownerClasses.clear();
        loader = new SessionLoader(ReplSession.class.getClassLoader());
    }

    /**
     * The type inferred for {@code expression} as the next input would see it (nothing runs), or
     * null when it has errors, for {@code :type} and completion; its errors are added to {@code errors}.
     */
    dev.ruchy.transpiler.code.Type typeOf(String expression, List<Diagnostic> errors) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        List<Diagnostic> found = new java.util.ArrayList<>();
        dev.ruchy.transpiler.code.Type t = Transpiler.typeOfSessionInput(
                SourceFile.of("<repl>", text + sep + expression + "\n"), text.length() + sep.length(), found);
        int offset = text.length() + sep.length();
        SourceFile input = SourceFile.of("<repl>", expression);
        for (Diagnostic d : found) {
            if (d.isError() && d.span().start() >= offset) {
                errors.add(new Diagnostic(d.code(), d.severity(), input.span(d.span().start() - offset,
                        Math.min(d.span().end() - offset, expression.length())), d.message(), d.hint()));
            }
        }
        return t;
    }

    /** The fields and methods of struct or class {@code type} defined in the session. */
    Set<String> membersOf(String type) {
        Set<String> names = new TreeSet<>();
        for (Stmt s : Transpiler.parse(SourceFile.of("<repl>", text)).program().statements()) {
            switch (s) {
                case Stmt.Struct st when st.name().equals(type) -> {
                    st.fields().forEach(f -> names.add(f.name()));
                    st.methods().forEach(m -> names.add(m.name()));
                }
                case Stmt.Class cl when cl.name().equals(type) -> cl.methods().forEach(m -> names.add(m.name()));
                case Stmt.Impl im when im.target() != null && typeNameOf(im.target()).equals(type) ->
                        im.methods().forEach(m -> names.add(m.name()));
                default -> {
                }
            }
        }
        return names;
    }

    /** Names defined so far, for completion: bindings, functions, structs, enums, classes. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        Transpiler.ParseResult parsed = Transpiler.parse(SourceFile.of("<repl>", text));
        for (Stmt s : parsed.program().statements()) {
            switch (s) {
                case Stmt.Let let -> bindings(let.pattern(), names);
                case Stmt.Fun f -> names.add(f.name());
                case Stmt.Struct st -> names.add(st.name());
                case Stmt.Enum en -> names.add(en.name());
                case Stmt.Class cl -> names.add(cl.name());
                case Stmt.ExprStmt es when es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.Ident id -> names.add(id.name());
                default -> {
                }
            }
        }
        return names;
    }

    private static void bindings(Pattern p, Set<String> names) {
        switch (p) {
            case Pattern.Binding b -> names.add(b.name());
            case Pattern.Tuple t -> t.elements().forEach(e -> bindings(e, names));
            case Pattern.Array a -> a.elements().forEach(e -> bindings(e, names));
            default -> {
            }
        }
    }

    private static boolean isDefinition(Stmt s) {
        return s instanceof Stmt.Let || s instanceof Stmt.Fun || s instanceof Stmt.Struct || s instanceof Stmt.Enum
                || s instanceof Stmt.Impl || s instanceof Stmt.Class || s instanceof Stmt.Trait || s instanceof Stmt.Use
                || s instanceof Stmt.TypeAlias
                || s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.Ident;
    }

    /** Structs, enums and classes {@code statements} declare or add methods to. */
    private static Set<String> touchedTypes(List<Stmt> statements) {
        Set<String> touched = new HashSet<>();
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Struct st -> touched.add(st.name());
                case Stmt.Enum en -> touched.add(en.name());
                case Stmt.Class cl -> touched.add(cl.name());
                case Stmt.Impl im when im.target() != null -> touched.add(typeNameOf(im.target()));
                default -> {
                }
            }
        }
        return touched;
    }

    /** The type an {@code impl} block adds to: the last part of its path ({@code impl Point}). */
    private static String typeNameOf(TypeRef target) {
        return target instanceof TypeRef.Named n && !n.path().isEmpty() ? n.path().get(n.path().size() - 1) : "";
    }

    /**
     * {@code text} with the earlier definitions that {@code statements} (the new input) replace
     * blanked out: functions, structs, enums, classes, traits and aliases of the same name (and
     * the methods added to a replaced type), and top-level bindings all of whose names the input
     * binds again, unless the input reads the old value.
     */
    private static String withoutReplaced(String text, List<Stmt> statements, String input) {
        Set<String> functions = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> rebound = new HashSet<>();
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Fun f -> functions.add(f.name());
                case Stmt.Struct st -> types.add(st.name());
                case Stmt.Enum en -> types.add(en.name());
                case Stmt.Class cl -> types.add(cl.name());
                case Stmt.Trait tr -> types.add(tr.name());
                case Stmt.TypeAlias ta -> types.add(ta.name());
                case Stmt.Let let when let.pattern() instanceof Pattern.Binding b && let.init() != null
                        && !mentions(let.init().span().text(), b.name()) -> rebound.add(b.name());
                default -> {
                }
            }
        }
        if (functions.isEmpty() && types.isEmpty() && rebound.isEmpty() || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (Stmt s : Transpiler.parse(SourceFile.of("<repl>", text)).program().statements()) {
            boolean replaced = switch (s) {
                case Stmt.Fun f -> functions.contains(f.name());
                case Stmt.Struct st -> types.contains(st.name());
                case Stmt.Enum en -> types.contains(en.name());
                case Stmt.Class cl -> types.contains(cl.name());
                case Stmt.Trait tr -> types.contains(tr.name());
                case Stmt.TypeAlias ta -> types.contains(ta.name());
                case Stmt.Impl im -> im.target() != null && types.contains(typeNameOf(im.target()));
                case Stmt.Let let -> let.pattern() instanceof Pattern.Binding b && rebound.contains(b.name());
                default -> false;
            };
            if (replaced) {
                blank(out, s.span().start(), s.span().end());
            }
        }
        return out.toString();
    }

    private static boolean mentions(String code, String name) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(code).find();
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end && i < text.length(); i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    /**
     * A struct value made with an earlier definition of its type, remade as {@code type} when that
     * is the same struct compiled again (new methods, same fields): a record with the same
     * components, or a class with a constructor taking the same fields; null otherwise.
     */
    static Object migrate(Object value, Class<?> type) {
        if (value == null || !value.getClass().getSimpleName().equals(type.getSimpleName())) {
            return null;
        }
        try {
            if (value.getClass().isRecord() && type.isRecord()) {
                java.lang.reflect.RecordComponent[] from = value.getClass().getRecordComponents();
                java.lang.reflect.RecordComponent[] to = type.getRecordComponents();
                if (from.length != to.length) {
                    return null;
                }
                Object[] args = new Object[to.length];
                Class<?>[] types = new Class<?>[to.length];
                for (int i = 0; i < to.length; i++) {
                    if (!from[i].getName().equals(to[i].getName())) {
                        return null;
                    }
                    Method accessor = from[i].getAccessor();
                    accessor.setAccessible(true);
                    args[i] = accessor.invoke(value);
                    types[i] = to[i].getType();
                }
                java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String outer(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }

    private static String nameAt(String text, int offset) {
        int end = offset;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(offset, end);
    }

    /** Prints {@code diagnostics} with positions in the input ({@code liveFrom}: where it starts in the session). */
    private void report(List<Diagnostic> diagnostics, String input, int liveFrom) {
        SourceFile file = SourceFile.of("<repl>", input);
        long errors = 0;
        for (Diagnostic d : diagnostics) {
            int start = d.span().start() - liveFrom;
            int end = d.span().end() - liveFrom;
            if (start < 0 || start > input.length()) {
                continue; // about an earlier input: reported when it was entered
            }
            Diagnostic shown = new Diagnostic(d.code(), d.severity(),
                    file.span(start, Math.min(Math.max(end, start), input.length())), d.message(), d.hint());
            err.print(DiagnosticRenderer.render(shown));
            if (d.isError()) {
                errors++;
            }
        }
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
        }
    }

    /** The session's classes: one loader, so that they all share the default package. */
    private static final class SessionLoader extends ClassLoader {
        private final Map<String, byte[]> pending = new HashMap<>();

        SessionLoader(ClassLoader parent) {
            super("ruchy-repl", parent);
        }

        synchronized void add(Map<String, byte[]> classes) {
            pending.putAll(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes;
            synchronized (this) {
                bytes = pending.remove(name);
            }
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
