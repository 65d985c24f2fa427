package dev.ruchy.maven;

import dev.ruchy.transpiler.classfile.RuchyDebugInfo;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the {@code debug-info} and {@code test-debug-info} goals share: after the compiler, the
 * classes compiled from Ruchy sources get the {@code .ruchy} file and lines, as a JSR-45 source map
 * (stratum {@code Ruchy}, for debuggers) and, by default, in their line tables (for stack traces).
 * See {@link ClassDebugInfo}.
 */
public abstract class AbstractDebugInfoMojo extends AbstractMojo {
    /**
     * What the line tables of classes compiled from Ruchy hold: {@code ruchy} (the default) makes
     * stack traces, Surefire reports and debuggers without JSR-45 support show {@code app.ruchy:LINE};
     * {@code java} keeps the generated Java's lines, to step through the generated Java in a debugger
     * (a JSR-45 debugger still stops on Ruchy lines through the source map, which both modes write).
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.lineNumbers", defaultValue = "ruchy")
    private String lineNumbers;

    /**
     * Skips this goal: the classes keep javac's debug information only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.skip", defaultValue = "false")
    private boolean skip;

    /** The folder of the compiled classes. */
    protected abstract File classesDirectory();

    /** Whether this goal is skipped, beyond {@code ruchy.skip}. */
    protected boolean skipped() {
        return skip;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            getLog().info("Skipping Ruchy debug information.");
            return;
        }
        RuchyDebugInfo.LineNumbers mode;
        try {
            mode = RuchyDebugInfo.LineNumbers.parse(lineNumbers == null ? "ruchy" : lineNumbers);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Unknown <lineNumbers> '" + lineNumbers + "' (ruchy.lineNumbers): use ruchy or java.", e);
        }
        try {
            ClassDebugInfo.Outcome outcome = ClassDebugInfo.apply(classesDirectory().toPath(), mode);
            if (outcome.rewritten() > 0) {
                getLog().info("Added Ruchy debug information (" + mode.name().toLowerCase(java.util.Locale.ROOT)
                        + " line numbers) to " + outcome.rewritten() + (outcome.rewritten() == 1 ? " class." : " classes."));
            } else if (getLog().isDebugEnabled()) {
                getLog().debug("Ruchy debug information: " + outcome.upToDate() + " classes up to date in " + classesDirectory());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Ruchy debug information could not be added: " + e.getMessage(), e);
        }
    }
}
