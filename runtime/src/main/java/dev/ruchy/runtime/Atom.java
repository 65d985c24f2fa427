package dev.ruchy.runtime;

import java.util.Objects;

/**
 * A Ruchy atom such as {@code :ok} (ruchy-semantics §1.6). Displays as {@code :name}.
 *
 * @param name the atom's name without the colon
 */
public record Atom(String name) {
    public Atom {
        Objects.requireNonNull(name, "name == null");
    }

    /** {@code :name}, the Display form (§2.2). */
    @Override
    public String toString() {
        return ":" + name;
    }
}
