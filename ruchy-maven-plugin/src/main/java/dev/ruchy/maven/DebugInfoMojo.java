package dev.ruchy.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Gives the classes compiled from {@code src/main/ruchy} their {@code .ruchy} file and lines, after
 * the compiler: a JSR-45 source map (the {@code SourceDebugExtension} attribute, default stratum
 * {@code Ruchy}) so debuggers stop at {@code app.ruchy:LINE}, and, unless {@code lineNumbers} is
 * {@code java}, line tables of Ruchy lines so stack traces name them. Uses the line maps
 * ({@code *.ruchy-lines}) that {@code transpile} writes and the build copies beside the classes.
 *
 * @since 0.1.0
 */
@Mojo(name = "debug-info", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class DebugInfoMojo extends AbstractDebugInfoMojo {
    /**
     * The folder of the compiled classes.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    protected File classesDirectory() {
        return classesDirectory;
    }
}
