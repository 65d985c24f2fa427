package dev.ruchy.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code debug-info} does for the classes compiled from {@code src/test/ruchy}, after the test
 * compiler: with Ruchy line numbers (the default) a failed Ruchy test's stack trace in the Surefire
 * report reads {@code at checks.NumbersTest.doubling(numbers_test.ruchy:12)}.
 *
 * @since 0.1.0
 */
@Mojo(name = "test-debug-info", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true)
public class TestDebugInfoMojo extends AbstractDebugInfoMojo {
    /**
     * The folder of the compiled test classes.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    /**
     * Skips this goal, as {@code maven.test.skip} skips compiling and running the tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTests;

    @Override
    protected File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    protected boolean skipped() {
        return skipTests || super.skipped();
    }
}
