package dev.ruchy.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.model.Resource;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Transpiles the Ruchy test sources in {@code src/test/ruchy} to Java in
 * {@code target/generated-test-sources/ruchy} and adds that folder to the test source roots.
 *
 * <p>In test sources each {@code #[test]} function becomes a JUnit 5 {@code @Test} method, so
 * Surefire runs it (name the file {@code *_test.ruchy}, which becomes a class {@code *Test}), and a
 * failed {@code assert}, {@code assert_eq} or {@code assert_ne} is a test failure whose message
 * starts with the Ruchy file and line. The tests need {@code org.junit.jupiter:junit-jupiter} and
 * {@code dev.ruchy:ruchy-runtime} on the test class path.
 *
 * <p>A test may use ({@code use com::acme::Mathutil}) the other Ruchy test files, the main Ruchy files
 * (their {@code pub fun}s), the module's test Java sources, the test class path (which holds the main
 * classes) and the JDK, with typed calls.
 *
 * @since 0.1.0
 */
@Mojo(name = "transpile-tests", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class TranspileTestsMojo extends AbstractTranspileMojo {
    /**
     * The folder holding the Ruchy test sources; the folders below it are the Java packages.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.testSourceDirectory", defaultValue = "${project.basedir}/src/test/ruchy")
    private File testSourceDirectory;

    /**
     * The folder the generated Java tests go to; it becomes a test source root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/ruchy")
    private File testOutputDirectory;

    /**
     * The main Ruchy sources, whose {@code pub fun}s the tests may call.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.sourceDirectory", defaultValue = "${project.basedir}/src/main/ruchy")
    private File mainSourceDirectory;

    /**
     * Skips the tests' transpilation, as {@code maven.test.skip} skips compiling and running them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTests;

    @Inject
    public TranspileTestsMojo(BuildContext buildContext, ProjectDependenciesResolver dependenciesResolver) {
        super(buildContext, dependenciesResolver);
    }

    @Override
    protected File sourceDirectory() {
        return testSourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return testOutputDirectory;
    }

    @Override
    protected boolean testSources() {
        return true;
    }

    @Override
    protected boolean skipped() {
        return skipTests || super.skipped();
    }

    @Override
    protected List<Path> ruchyRoots() {
        return List.of(testSourceDirectory.toPath(), mainSourceDirectory.toPath());
    }

    @Override
    protected List<String> javaSourceRoots(MavenProject project) {
        return project.getTestCompileSourceRoots();
    }

    @Override
    protected List<String> ownClasses(MavenProject project) {
        return List.of(project.getBuild().getOutputDirectory());
    }

    @Override
    protected boolean inScope(String scope) {
        return true; // compile, provided, runtime, test and system: the test class path
    }

    @Override
    protected void addSourceRoot(MavenProject project, String directory) {
        project.addTestCompileSourceRoot(directory);
    }

    @Override
    protected void addResourceRoot(MavenProject project, Resource resource) {
        project.addTestResource(resource);
    }
}
