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
 * Transpiles the Ruchy sources in {@code src/main/ruchy} to Java in
 * {@code target/generated-sources/ruchy} and adds that folder to the compile source roots.
 * Generated code needs {@code dev.ruchy:ruchy-runtime} on the class path.
 *
 * <p>A Ruchy source may use ({@code use com::acme::Invoice}) the other Ruchy files of the folder, the
 * module's Java sources (its compile source roots, read before they are compiled), the compile class
 * path (the module's dependencies) and the JDK, with typed calls.
 *
 * @since 0.1.0
 */
@Mojo(name = "transpile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class TranspileMojo extends AbstractTranspileMojo {
    /**
     * The folder holding the Ruchy sources; the folders below it are the Java packages.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.sourceDirectory", defaultValue = "${project.basedir}/src/main/ruchy")
    private File sourceDirectory;

    /**
     * The folder the generated Java goes to; it becomes a compile source root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ruchy.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/ruchy")
    private File outputDirectory;

    @Inject
    public TranspileMojo(BuildContext buildContext, ProjectDependenciesResolver dependenciesResolver) {
        super(buildContext, dependenciesResolver);
    }

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected boolean testSources() {
        return false;
    }

    @Override
    protected List<Path> ruchyRoots() {
        return List.of(sourceDirectory.toPath());
    }

    @Override
    protected List<String> javaSourceRoots(MavenProject project) {
        return project.getCompileSourceRoots();
    }

    @Override
    protected List<String> ownClasses(MavenProject project) {
        // not target/classes: it holds the last build's classes, which the sources describe as they are now
        return List.of();
    }

    @Override
    protected boolean inScope(String scope) {
        return scope == null || scope.isEmpty() || scope.equals("compile") || scope.equals("provided")
                || scope.equals("system");
    }

    @Override
    protected void addSourceRoot(MavenProject project, String directory) {
        project.addCompileSourceRoot(directory);
    }

    @Override
    protected void addResourceRoot(MavenProject project, Resource resource) {
        project.addResource(resource);
    }
}
