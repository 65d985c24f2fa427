package dev.ruchy.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared Ruchy material lies: beside the checkout, or where {@code -Druchy.shared} says. */
public final class SharedFolder {
    /** The system property that overrides the location. */
    public static final String PROPERTY = "ruchy.shared";

    private SharedFolder() {
    }

    /**
     * {@code -Druchy.shared}, else {@code <root>/../shared} with {@code <root>} the nearest directory
     * up from the working directory that holds {@code mvnw}.
     *
     * @throws IllegalStateException when neither is given and no project root is found
     */
    public static Path locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        Path root = start;
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("cannot find the project root (a directory holding mvnw) above " + start
                    + "; run from the project or pass -D" + PROPERTY + "=<dir>");
        }
        return root.resolve("../shared").normalize();
    }
}
