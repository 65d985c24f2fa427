package dev.ruchy.runtime;

import java.util.Map;

/**
 * A generated Ruchy struct that is a class rather than a record (e.g. because its fields are mutable).
 * Printed as {@code Name {x: 1, y: 2}} with fields sorted by name (ruchy-semantics §2.2).
 *
 * <p>Records need not implement this: any record that is not a runtime type or a {@link RuchyEnum} is
 * printed as a struct from its record components, named by {@link RuchyName} where present.
 */
public interface RuchyStruct {
    /** The Ruchy struct name; by default {@link RuchyName} on the class if present, else its simple name. */
    default String structName() {
        return Records.typeName(getClass());
    }

    /** The fields by Ruchy name, with their current values (nil as {@code null}); order does not matter. */
    Map<String, Object> fields();
}
