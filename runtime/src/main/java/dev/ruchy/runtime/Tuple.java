package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Ruchy tuple {@code (1, "a")}: an immutable, fixed-length sequence of values (nil allowed).
 * Displays as {@code (1, "a")}, a one-element tuple as {@code (5)} (ruchy-semantics §2.2); equality is
 * element-wise {@link Object#equals}.
 *
 * @param elements the elements in order; copied into an unmodifiable list
 */
public record Tuple(List<Object> elements) {
    public Tuple {
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }

    /** A tuple of the given elements, e.g. {@code Tuple.of(1L, "a")}. */
    public static Tuple of(Object... elements) {
        return new Tuple(Arrays.asList(elements));
    }

    /**
     * Element {@code index} ({@code t.0} in Ruchy).
     *
     * @throws RuchyError {@code Index 2 out of bounds for tuple of length 2} (§6.2)
     */
    public Object get(long index) {
        if (index < 0 || index >= elements.size()) {
            throw RuchyError.runtime("Index " + index + " out of bounds for tuple of length " + elements.size());
        }
        return elements.get((int) index);
    }

    /** The number of elements. */
    public long len() {
        return elements.size();
    }

    /** The Display form, {@code (1, "a")}. */
    @Override
    public String toString() {
        return Fmt.display(this);
    }
}
