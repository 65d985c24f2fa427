package dev.ruchy.maven;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.Transpiler.TranspileResult;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * One run of the plugin over one source folder: finds the Ruchy sources, decides from the
 * {@link Manifest} which ones changed, transpiles only those (to {@code package/Class.java}, the
 * package following the folders), removes what deleted sources produced, and records the result.
 * A run that finds nothing to do writes nothing at all, so the compiler after it has nothing to
 * recompile either.
 *
 * <p>Kept free of Maven types so it can be tested directly; the mojo passes a {@link Reporter}.
 */
final class IncrementalTranspiler {
    /** Why files are transpiled again; the first that applies is the one logged. */
    enum Cause {
        /** No manifest: the first build, or after {@code mvn clean}. */
        CLEAN("a clean build"),
        /** The plugin or the transpiler is not the one that wrote the outputs. */
        TOOL("a new plugin or transpiler version"),
        /** Output folder, encoding or mode differ from the last build. */
        SETTINGS("changed settings"),
        CHANGED("changed source code"),
        ADDED("added source files"),
        /** The source failed last time. */
        FAILED("sources that failed before"),
        /** An output the manifest lists is gone (deleted by hand, or by another tool). */
        MISSING_OUTPUT("missing generated files"),
        /** A class the source uses (another Ruchy file, the project's Java, a dependency) changed its signatures. */
        USES_CHANGED("changed classes they use");

        final String text;

        Cause(String text) {
            this.text = text;
        }
    }

    /**
     * What one run works on.
     *
     * @param sourceDirectory the Ruchy source root ({@code src/main/ruchy})
     * @param outputDirectory where the Java goes ({@code target/generated-sources/ruchy})
     * @param manifestFile    the build status file ({@code target/maven-status/ruchy/...})
     * @param testMode        test sources: {@code #[test]} functions become JUnit 5 tests
     * @param tool            identifies the plugin and transpiler build; see {@link ToolFingerprint}
     * @param javaTypes       the classes a source may use (other Ruchy files, the project's Java, the
     *                        class path, the JDK); read lazily, so a build with nothing to do opens nothing
     * @param untracked       classes that are not recorded as a source's dependencies (the JDK, which
     *                        only changes with the tool)
     */
    record Config(Path sourceDirectory, Path outputDirectory, Path manifestFile, List<String> includes,
            List<String> excludes, Charset encoding, boolean testMode, String tool, Supplier<JavaTypes> javaTypes,
            JavaTypes untracked) {
        /** Without Java types in reach. */
        Config(Path sourceDirectory, Path outputDirectory, Path manifestFile, List<String> includes,
                List<String> excludes, Charset encoding, boolean testMode, String tool) {
            this(sourceDirectory, outputDirectory, manifestFile, includes, excludes, encoding, testMode, tool,
                    () -> JavaTypes.NONE, JavaTypes.NONE);
        }
    }

    /** Where messages go: the Maven log and, for problems in a source, the IDE. */
    interface Reporter {
        void info(String message);

        void debug(String message);

        void warn(String message);

        void error(String message);

        /** A problem at a line and column (1-based) of a source, for IDE markers; logging is done separately. */
        default void problem(Path source, int line, int column, String message, boolean error) {
        }

        /** Forget the markers of a source that is about to be transpiled again. */
        default void clearProblems(Path source) {
        }

        /** A generated file was written or deleted. */
        default void refresh(Path file) {
        }
    }

    /**
     * What a run did.
     *
     * @param sources     sources found
     * @param transpiled  sources transpiled in this run (with or without errors)
     * @param written     output files written (the others had the same content already)
     * @param deleted     output files deleted
     * @param errors      errors reported
     * @param summary     the failure message when there were errors, else null
     */
    record Outcome(int sources, int transpiled, int written, int deleted, int errors, String summary) {
        boolean failed() {
            return errors > 0;
        }
    }

    private final Config config;
    private final Reporter reporter;
    /** The classes in reach, made on first use. */
    private JavaTypes javaTypes;
    /** Fingerprints of the classes sources use, as they are now, worked out once per run. */
    private final Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    IncrementalTranspiler(Config config, Reporter reporter) {
        this.config = config;
        this.reporter = reporter;
    }

    /**
     * A source as found now: where, its size and time, and (once read) its bytes and their SHA-256.
     * A source whose size and time are those the manifest recorded is not read at all.
     */
    private record Input(String path, long size, long modified, byte[] bytes, String hash) {
        Input read(Path root) throws IOException {
            if (bytes != null) {
                return this;
            }
            byte[] content = Files.readAllBytes(root.resolve(path));
            return new Input(path, size, modified, content, sha256(content));
        }
    }

    /**
     * A source modified this close (ms) before the manifest was written may have changed again within
     * the same tick of a coarse file system clock, keeping its time: such a source is always hashed
     * (git's "racily clean" rule).
     */
    private static final long RACY_MILLIS = 2_000;

    /** A problem to mark in the IDE. */
    private record Marker(int line, int column, String message, boolean error) {
    }

    /**
     * The transpilation of one source: its outputs (Java text by relative path), or the error
     * messages for the log; warnings and IDE markers either way.
     */
    private record Converted(Input input, Map<String, String> outputs, List<String> errors, List<String> warnings,
            List<Marker> markers, Map<String, String> uses) {
        /** A problem with the whole file, reported at its first line. */
        static Converted failure(Input input, Path source, String message) {
            return new Converted(input, Map.of(), List.of(location(source, 1, 1) + " error: " + message), List.of(),
                    List.of(new Marker(1, 1, message, true)), Map.of());
        }
    }

    /**
     * Runs once.
     *
     * @throws IOException if a source cannot be read or an output or the manifest cannot be written
     */
    Outcome run() throws IOException {
        List<SourceScanner.Found> found = new SourceScanner(config.includes(), config.excludes())
                .scan(config.sourceDirectory());
        Manifest old = Manifest.read(config.manifestFile());
        if (found.isEmpty() && old == null) {
            reporter.info("No Ruchy sources to transpile in " + config.sourceDirectory() + ".");
            return new Outcome(0, 0, 0, 0, 0, null);
        }
        String outputDirectory = config.outputDirectory().toAbsolutePath().normalize().toString();
        String settings = outputDirectory + "|" + config.encoding().name() + "|" + (config.testMode() ? "test" : "main");
        // the old outputs are ours to delete only where we wrote them
        boolean sameOutput = old != null && old.settings().startsWith(outputDirectory + "|");
        Cause global = old == null ? Cause.CLEAN
                : !old.tool().equals(config.tool()) ? Cause.TOOL
                : !old.settings().equals(settings) ? Cause.SETTINGS
                : null;
        Map<String, Manifest.Entry> previous = old == null ? Map.of() : old.entries();

        List<Input> stale = new ArrayList<>();
        Map<String, Input> current = new TreeMap<>();
        Cause cause = global;
        File outputRoot = config.outputDirectory().toFile();
        for (SourceScanner.Found f : found) {
            Manifest.Entry entry = previous.get(f.path());
            boolean sameStamp = global == null && entry != null && !entry.failed() && entry.size() == f.size()
                    && entry.modified() == f.modified() && f.modified() + RACY_MILLIS < old.written();
            Input input = new Input(f.path(), f.size(), f.modified(), null, sameStamp ? entry.hash() : null);
            if (!sameStamp) {
                input = input.read(config.sourceDirectory());
            }
            current.put(f.path(), input);
            Cause why = global != null ? global
                    : entry == null ? Cause.ADDED
                    : entry.failed() ? Cause.FAILED
                    : !entry.hash().equals(input.hash()) ? Cause.CHANGED
                    : anyMissing(outputRoot, entry.outputs()) ? Cause.MISSING_OUTPUT
                    : usesChanged(entry) ? Cause.USES_CHANGED
                    : null;
            if (why != null) {
                stale.add(input.read(config.sourceDirectory()));
                cause = cause == null || why.ordinal() < cause.ordinal() ? why : cause;
            }
        }
        List<String> removed = new ArrayList<>();
        for (String path : previous.keySet()) {
            if (!current.containsKey(path)) {
                removed.add(path);
            }
        }
        if (stale.isEmpty() && removed.isEmpty()) {
            reporter.info("Nothing to transpile - all Ruchy sources are up to date.");
            return new Outcome(found.size(), 0, 0, 0, 0, null);
        }
        if (!stale.isEmpty()) {
            reporter.info("Transpiling " + count(stale.size(), "file") + " because of " + cause.text + ".");
        }

        List<Converted> converted = (stale.size() > 1 ? stale.parallelStream() : stale.stream())
                .map(this::convert).toList();

        // the new manifest: unchanged sources keep their entries
        Set<String> stalePaths = new HashSet<>();
        stale.forEach(i -> stalePaths.add(i.path()));
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        Map<String, String> producer = new HashMap<>();
        for (Input input : current.values()) {
            if (global == null && !stalePaths.contains(input.path())) {
                // unchanged; its size and time as found now (a touched file is not hashed again next time)
                Manifest.Entry entry = previous.get(input.path());
                entries.put(input.path(), new Manifest.Entry(entry.hash(), input.size(), input.modified(), entry.outputs(),
                        entry.uses()));
                entry.outputs().forEach(o -> producer.put(o, input.path()));
            }
        }
        int errors = 0;
        int written = 0;
        for (Converted c : converted) {
            String path = c.input().path();
            Path source = config.sourceDirectory().resolve(path);
            reporter.clearProblems(source);
            c.markers().forEach(m -> reporter.problem(source, m.line(), m.column(), m.message(), m.error()));
            c.warnings().forEach(reporter::warn);
            List<String> problems = new ArrayList<>(c.errors());
            for (String output : c.outputs().keySet()) {
                String other = producer.putIfAbsent(output, path);
                if (other != null) {
                    String message = "this source and " + other + " both become " + output + "; rename one of them";
                    reporter.problem(source, 1, 1, message, true);
                    problems.add(location(source, 1, 1) + " error: " + message);
                }
            }
            Manifest.Entry before = previous.get(path);
            if (!problems.isEmpty()) {
                problems.forEach(reporter::error);
                errors += problems.size();
                List<String> keep = !sameOutput || before == null ? List.of() : before.outputs();
                entries.put(path, new Manifest.Entry(Manifest.FAILED, c.input().size(), c.input().modified(), keep));
                continue;
            }
            for (Map.Entry<String, String> out : c.outputs().entrySet()) {
                Path file = config.outputDirectory().resolve(out.getKey());
                if (OutputFiles.writeIfChanged(file, out.getValue().getBytes(StandardCharsets.UTF_8))) {
                    written++;
                    reporter.refresh(file);
                }
            }
            entries.put(path, new Manifest.Entry(c.input().hash(), c.input().size(), c.input().modified(),
                    List.copyOf(c.outputs().keySet()), c.uses()));
        }

        // delete what the last build produced and this one does not (never another generator's files)
        int deleted = 0;
        if (sameOutput) {
            Set<String> keep = new LinkedHashSet<>();
            entries.values().forEach(e -> keep.addAll(e.outputs()));
            for (Manifest.Entry entry : previous.values()) {
                for (String output : entry.outputs()) {
                    if (!keep.contains(output)) {
                        Path file = config.outputDirectory().resolve(output);
                        if (OutputFiles.delete(config.outputDirectory(), file)) {
                            deleted++;
                            reporter.refresh(file);
                        }
                    }
                }
            }
        }
        if (!removed.isEmpty()) {
            reporter.info("Removed the output of " + count(removed.size(), "deleted source file") + ".");
        }

        Manifest manifest = new Manifest(config.tool(), settings, entries, 0);
        if (old == null || !manifest.text().equals(old.text())) {
            OutputFiles.writeIfChanged(config.manifestFile(), manifest.text().getBytes(StandardCharsets.UTF_8));
        }
        String summary = errors == 0 ? null : "Ruchy transpilation failed: " + count(errors, "error");
        return new Outcome(found.size(), stale.size(), written, deleted, errors, summary);
    }

    private Converted convert(Input input) {
        Path source = config.sourceDirectory().resolve(input.path());
        int slash = input.path().lastIndexOf('/');
        String folder = slash < 0 ? "" : input.path().substring(0, slash);
        String packageName = folder.replace('/', '.');
        if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
            return Converted.failure(input, source, "the folder " + folder
                    + " is not a Java package name; the package of a source follows its folders under "
                    + config.sourceDirectory().getFileName());
        }
        String text;
        try {
            text = config.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input.bytes())).toString();
        } catch (CharacterCodingException e) {
            return Converted.failure(input, source, "not valid " + config.encoding().name()
                    + " text; set the plugin's <encoding> or project.build.sourceEncoding");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        SourceFile file = SourceFile.of(input.path(), text);
        TranspileResult result;
        RecordingJavaTypes recording = new RecordingJavaTypes(javaTypes());
        try {
            result = Transpiler.transpile(file, packageName, TranspileOptions.defaults().withTestMode(config.testMode())
                    .withJavaTypes(recording));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in the transpiler: report it against this file and go on with the others
            return Converted.failure(input, source, "internal error in the Ruchy transpiler (" + e
                    + "); please report it with this file");
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            int line = d.span().startLine();
            int column = d.span().startColumn();
            String message = location(source, line, column) + " " + d.severity().label() + "[" + d.code().code() + "]: "
                    + d.message() + snippet(d);
            markers.add(new Marker(line, column, d.message() + " [" + d.code().code() + "]", d.isError()));
            (d.isError() ? errors : warnings).add(message);
        }
        if (result.source() == null && errors.isEmpty()) {
            return Converted.failure(input, source, "the transpiler produced no Java for this file");
        }
        if (!errors.isEmpty()) {
            return new Converted(input, Map.of(), errors, warnings, markers, Map.of());
        }
        testAttributeWarning(text, source, result.className()).ifPresent(warnings::add);
        String base = (folder.isEmpty() ? "" : folder + "/") + result.className();
        // the classes it looked up, as they were: a change of one of them transpiles it again
        Map<String, String> uses = new TreeMap<>();
        recording.seen().forEach((name, found) -> {
            if (config.untracked().find(name).isEmpty()) {
                uses.put(name, fingerprint(found));
            }
        });
        return new Converted(input, Map.of(base + ".java", result.source(), base + LINE_MAP_SUFFIX,
                lineMap(input.path(), result.lineMap())), List.of(), warnings, markers, uses);
    }

    private synchronized JavaTypes javaTypes() {
        if (javaTypes == null) {
            javaTypes = config.javaTypes().get();
        }
        return javaTypes;
    }

    /** Whether a class the source used then is not the same now (changed, appeared or went away). */
    private boolean usesChanged(Manifest.Entry entry) {
        for (Map.Entry<String, String> use : entry.uses().entrySet()) {
            String now = fingerprints.computeIfAbsent(use.getKey(), name -> fingerprint(javaTypes().find(name)));
            if (!now.equals(use.getValue())) {
                reporter.debug("Ruchy: " + use.getKey() + " changed since the last build");
                return true;
            }
        }
        return false;
    }

    /** What a class looks like to a source that uses it, in a few characters; {@code -} for none. */
    static String fingerprint(Optional<JavaClass> found) {
        return found.map(c -> sha256(c.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16)).orElse("-");
    }

    /** Remembers which classes a transpilation looked up, and what it found. */
    private static final class RecordingJavaTypes implements JavaTypes {
        private final JavaTypes delegate;
        private final Map<String, Optional<JavaClass>> seen = new java.util.concurrent.ConcurrentHashMap<>();

        RecordingJavaTypes(JavaTypes delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<JavaClass> find(String binaryName) {
            Optional<JavaClass> found = delegate.find(binaryName);
            seen.putIfAbsent(binaryName, found);
            return found;
        }

        @Override
        public Set<String> classesIn(String packageName) {
            return delegate.classesIn(packageName);
        }

        Map<String, Optional<JavaClass>> seen() {
            return seen;
        }
    }

    /**
     * The name ending of the line map written beside each class: a resource the build copies next to
     * the class, where the runtime looks for it to name the Ruchy line of an error.
     */
    static final String LINE_MAP_SUFFIX = ".ruchy-lines";

    /** The line map's text: the source's path under the source folder, then the Ruchy line of each Java line. */
    private static String lineMap(String sourcePath, int[] lines) {
        StringBuilder sb = new StringBuilder(sourcePath).append('\n');
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : " ").append(lines[i]);
        }
        return sb.append('\n').toString();
    }

    /** Surefire's default includes: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}. */
    private static final Pattern SUREFIRE_CLASS = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    private static final Pattern TEST_ATTRIBUTE = Pattern.compile("^\\s*#\\[test]", Pattern.MULTILINE);

    /**
     * A warning for {@code #[test]} functions that no test run would find: in main sources (where they
     * are plain static methods), or in a test source whose class Surefire does not run by default.
     */
    private Optional<String> testAttributeWarning(String text, Path source, String className) {
        Matcher m = TEST_ATTRIBUTE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        String at = location(source, line, 1) + " warning: ";
        if (!config.testMode()) {
            return Optional.of(at + "#[test] functions in main sources are plain static methods, not tests;"
                    + " put tests in src/test/ruchy");
        }
        if (!SUREFIRE_CLASS.matcher(className).matches()) {
            return Optional.of(at + "#[test] functions become JUnit tests of class " + className
                    + ", which Surefire does not run by default; name the file *_test.ruchy");
        }
        return Optional.empty();
    }

    private static boolean anyMissing(File root, List<String> outputs) {
        for (String output : outputs) {
            if (!new File(root, output).isFile()) {
                return true;
            }
        }
        return false;
    }

    /** {@code /abs/path/app.ruchy:[3,14]}, the form IDEs and CI logs turn into links. */
    private static String location(Path source, int line, int column) {
        return source.toAbsolutePath().normalize() + ":[" + line + "," + column + "]";
    }

    /** The rendering's source line, caret and hint, on the lines after the message. */
    private static String snippet(Diagnostic d) {
        String rendered = DiagnosticRenderer.render(d);
        int firstBreak = rendered.indexOf('\n');
        String rest = rendered.substring(firstBreak + 1);
        return rest.isEmpty() ? "" : "\n" + rest.stripTrailing();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
