package dev.ruchy.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import dev.ruchy.transpiler.RuchySourceTypes;
import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaSourceTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * What the {@code transpile} and {@code transpile-tests} goals share: each Ruchy source under the
 * source directory becomes one Java class under the output directory, in the package its folders
 * name ({@code com/acme/app.ruchy} → {@code com.acme.App}), and the output directory becomes a
 * (test) source root for the compiler.
 *
 * <p>Builds are incremental: the build status in {@code target/maven-status/ruchy/<goal>/<execution>/manifest.txt}
 * records the SHA-256 of each source and the files it produced. Only new, changed or previously failed
 * sources are transpiled again; the files of deleted sources are removed (only files the plugin wrote);
 * a new plugin or transpiler version, or another output directory, encoding or mode, regenerates everything.
 * A generated file is replaced atomically, and only when its content changes, so a build with nothing
 * to do touches no file and the compiler after it has nothing to recompile.
 *
 * <p>Errors in Ruchy sources are logged as {@code /path/app.ruchy:[line,col] error[R0101]: message}
 * with the source line and a caret, marked in the IDE through {@link BuildContext}, and fail the build
 * with a {@link MojoFailureException}; a file that cannot be read or written fails it with a
 * {@link MojoExecutionException}.
 */
public abstract class AbstractTranspileMojo extends AbstractMojo {
    /**
     * Which files under the source directory are Ruchy sources, as Ant patterns relative to it.
     *
     * @since 0.1.0
     */
    @Parameter
    private Set<String> includes = Set.of("**/*.ruchy");

    /**
     * Which of the included files to leave out, as Ant patterns relative to the source directory.
     *
     * @since 0.1.0
     */
    @Parameter
    private Set<String> excludes = Set.of();

    /**
     * The character encoding of the Ruchy sources. The generated Java is always UTF-8.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    /**
     * Skips transpiling: nothing is generated and no source root is added.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor pluginDescriptor;

    /** Refreshes generated files and marks errors in the IDE (m2e); on the command line a plain file system context. */
    private final BuildContext buildContext;

    /** Resolves the dependencies whose classes the Ruchy sources may use. */
    private final ProjectDependenciesResolver dependenciesResolver;

    /**
     * @param buildContext         injected by Maven (or m2e)
     * @param dependenciesResolver injected by Maven
     */
    protected AbstractTranspileMojo(BuildContext buildContext, ProjectDependenciesResolver dependenciesResolver) {
        this.buildContext = buildContext;
        this.dependenciesResolver = dependenciesResolver;
    }

    /** The folder holding the Ruchy sources. */
    protected abstract File sourceDirectory();

    /** The folder the Java goes to. */
    protected abstract File outputDirectory();

    /** Whether these are test sources ({@code #[test]} functions become JUnit 5 tests). */
    protected abstract boolean testSources();

    /** Whether this goal is skipped, beyond {@code ruchy.skip}. */
    protected boolean skipped() {
        return skip;
    }

    /**
     * The Ruchy source roots whose files a source may import as classes ({@code use com::acme::Mathutil}):
     * its own root first.
     */
    protected abstract List<Path> ruchyRoots();

    /** The project's Java source roots (compile or test-compile), this goal's output included. */
    protected abstract List<String> javaSourceRoots(MavenProject project);

    /**
     * The project's own class folders the generated Java is compiled against, before its
     * dependencies: none for main sources, the main classes for tests.
     */
    protected abstract List<String> ownClasses(MavenProject project);

    /** Whether a dependency of this Maven scope is on the class path the generated Java is compiled against. */
    protected abstract boolean inScope(String scope);

    /** Adds {@code directory} as a compile or test-compile source root of the project. */
    protected abstract void addSourceRoot(MavenProject project, String directory);

    /** Adds {@code resource} to the main or test resources of {@code project}. */
    protected abstract void addResourceRoot(MavenProject project, Resource resource);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("Skipping Ruchy transpilation.");
            return;
        }
        long start = System.nanoTime();
        Path output = outputDirectory().toPath();
        IncrementalTranspiler.Outcome outcome = null;
        ClassFileJavaTypes jars = null; // the class path's jars, opened as the transpiler reads them
        try {
            Path status = project.getBasedir().toPath().resolve(project.getBuild().getDirectory())
                    .resolve("maven-status").resolve("ruchy").resolve(mojoExecution.getGoal())
                    .resolve(mojoExecution.getExecutionId()).resolve("manifest.txt");
            Charset charset = charset();
            List<Path> ownJavaRoots = javaSourceRoots(project).stream().map(r -> Path.of(r).toAbsolutePath().normalize())
                    .filter(r -> !r.equals(output.toAbsolutePath().normalize())).toList();
            List<Path> classPath = new ArrayList<>();
            ownClasses(project).forEach(c -> classPath.add(Path.of(c)));
            List<Path> javaRoots = new ArrayList<>(ownJavaRoots);
            dependencies(classPath, javaRoots);
            List<Path> ruchyRoots = ruchyRoots();
            if (getLog().isDebugEnabled()) {
                getLog().debug("Ruchy: classes in reach from Ruchy roots " + ruchyRoots + ", Java roots " + javaRoots
                        + ", class path " + classPath + " and the JDK");
            }
            JavaTypes jdk = ClassFileJavaTypes.jdk();
            jars = new ClassFileJavaTypes(classPath);
            ClassFileJavaTypes libraries = jars;
            IncrementalTranspiler.Config config = new IncrementalTranspiler.Config(sourceDirectory().toPath(), output,
                    status, List.copyOf(includes == null || includes.isEmpty() ? Set.of("**/*.ruchy") : includes),
                    List.copyOf(excludes == null ? Set.of() : excludes), charset,
                    testSources(), ToolFingerprint.of(pluginDescriptor.getVersion()),
                    () -> javaTypes(ruchyRoots, javaRoots, libraries, charset, jdk), jdk);
            if (getLog().isDebugEnabled()) {
                getLog().debug("Ruchy: sources " + config.sourceDirectory() + ", includes " + config.includes()
                        + ", excludes " + config.excludes() + ", output " + output + ", status " + status + ", tool "
                        + config.tool());
            }
            outcome = new IncrementalTranspiler(config, new MojoReporter()).run();
            if (outcome.failed()) {
                throw new MojoFailureException(outcome.summary());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("Ruchy transpilation could not read or write a file: " + e, e);
        } finally {
            if (jars != null) {
                jars.close();
            }
            if (output.toFile().isDirectory()) {
                addSourceRoot(project, output.toString());
                // the line maps beside the Java go into the classes, where the runtime finds them
                Resource lineMaps = new Resource();
                lineMaps.setDirectory(output.toString());
                lineMaps.addInclude("**/*" + IncrementalTranspiler.LINE_MAP_SUFFIX);
                addResourceRoot(project, lineMaps);
            }
            if (outcome != null && getLog().isDebugEnabled()) {
                getLog().debug(String.format("Ruchy: %d sources, %d transpiled, %d files written, %d deleted, took %d ms",
                        outcome.sources(), outcome.transpiled(), outcome.written(), outcome.deleted(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
        }
    }

    /**
     * Adds the dependencies' jars and class folders in scope to {@code classPath}. The goals resolve
     * them themselves rather than asking Maven to before they run: Maven would fail a reactor build
     * that stops before {@code compile} ({@code mvn generate-sources}, which IDEs run), since a module
     * of the reactor has no jar or classes yet then. Such a module's classes folder (if any) goes on
     * the class path and its compile source roots (its Java and the Java generated from its Ruchy)
     * join {@code javaRoots}; any other dependency that cannot be resolved is left out with a warning,
     * and a call of its classes fails the transpilation at that line.
     */
    private void dependencies(List<Path> classPath, List<Path> javaRoots) {
        DependencyResolutionResult result;
        try {
            result = dependenciesResolver.resolve(new DefaultDependencyResolutionRequest(project,
                    session.getRepositorySession()));
        } catch (DependencyResolutionException e) {
            result = e.getResult();
        }
        if (result == null) {
            getLog().warn("Ruchy: the project's dependencies could not be resolved; only its own classes and the JDK"
                    + " are in reach of the Ruchy sources.");
            return;
        }
        for (Dependency d : result.getDependencies()) {
            File file = d.getArtifact() == null ? null : d.getArtifact().getFile();
            if (file != null && inScope(d.getScope())) {
                classPath.add(file.toPath());
            }
        }
        for (Dependency d : result.getUnresolvedDependencies()) {
            if (!inScope(d.getScope())) {
                continue;
            }
            MavenProject module = reactorModule(d.getArtifact());
            if (module != null) {
                classPath.add(Path.of(module.getBuild().getOutputDirectory()));
                module.getCompileSourceRoots().forEach(r -> javaRoots.add(Path.of(r)));
            } else {
                getLog().warn("Ruchy: cannot resolve the dependency " + d.getArtifact()
                        + "; its classes are not in reach of the Ruchy sources.");
            }
        }
    }

    /** The module of this reactor build that {@code artifact} is, or null. */
    private MavenProject reactorModule(org.eclipse.aether.artifact.Artifact artifact) {
        if (artifact == null || session.getProjects() == null) {
            return null;
        }
        for (MavenProject p : session.getProjects()) {
            if (p.getGroupId().equals(artifact.getGroupId()) && p.getArtifactId().equals(artifact.getArtifactId())
                    && p.getVersion().equals(artifact.getBaseVersion())) {
                return p;
            }
        }
        return null;
    }

    /**
     * What a source may use, first found first: the Ruchy files of the roots, the project's Java sources
     * (read before they are compiled), the class path, the JDK.
     */
    private static JavaTypes javaTypes(List<Path> ruchyRoots, List<Path> javaRoots, ClassFileJavaTypes classPath,
            Charset charset, JavaTypes jdk) {
        JavaTypes libraries = JavaTypes.chain(List.of(classPath, jdk));
        JavaTypes java = new JavaSourceTypes(javaRoots, libraries, charset);
        return new RuchySourceTypes(ruchyRoots, charset, JavaTypes.chain(List.of(java, libraries))).inReach();
    }

    private Charset charset() throws MojoExecutionException {
        if (encoding == null || encoding.isBlank()) {
            getLog().warn("No encoding set for the Ruchy sources (project.build.sourceEncoding); reading them as UTF-8.");
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MojoExecutionException("Unknown encoding '" + encoding + "' for the Ruchy sources; use a name"
                    + " such as UTF-8 (see <encoding> or project.build.sourceEncoding).", e);
        }
    }

    /** Log lines go to Maven's log; problems also to the IDE, which marks the line. */
    private final class MojoReporter implements IncrementalTranspiler.Reporter {
        /** On the command line the default context logs messages too; only an IDE's context needs them. */
        private final boolean ide = buildContext != null
                && !(buildContext instanceof org.sonatype.plexus.build.incremental.DefaultBuildContext);

        @Override
        public void info(String message) {
            getLog().info(message);
        }

        @Override
        public void debug(String message) {
            getLog().debug(message);
        }

        @Override
        public void warn(String message) {
            getLog().warn(message);
        }

        @Override
        public void error(String message) {
            getLog().error(message);
        }

        @Override
        public void problem(Path source, int line, int column, String message, boolean error) {
            if (ide) {
                buildContext.addMessage(source.toFile(), line, column, message,
                        error ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING, null);
            }
        }

        @Override
        public void clearProblems(Path source) {
            if (ide) {
                buildContext.removeMessages(source.toFile());
            }
        }

        @Override
        public void refresh(Path file) {
            if (buildContext != null) {
                buildContext.refresh(file.toFile());
            }
        }
    }
}
