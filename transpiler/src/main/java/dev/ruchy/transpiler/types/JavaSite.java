package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaField;
import java.util.List;

/**
 * A use of a Java member that type inference resolved: {@code UUID::randomUUID()} (a static
 * call), {@code Invoice::new(a, b)} (a constructor), {@code Integer::MAX_VALUE} (a static field),
 * {@code sb.append(x)} (an instance method), {@code p.x} (an instance field). Either the member was
 * found ({@code choice} chosen, or {@code field} not null) or the site says why not, which
 * {@link MemberChecks} reports.
 *
 * @param kind     which kind of use
 * @param owner    the class it is looked up in (the receiver's class for instance members)
 * @param name     the member's name as written ({@code new} for a constructor)
 * @param receiver the receiver's Ruchy type for instance members (its Java class's type arguments), else null
 * @param choice   for calls: the overload chosen, or why none was
 * @param field    for fields: the field found, or null
 * @param args     for calls: the arguments' Ruchy types, for messages
 * @param result   the Ruchy type of the value
 */
public record JavaSite(Kind kind, JavaClass owner, String name, Type receiver, JavaInterop.Choice choice,
                       JavaInterop.Found<JavaField> field, List<Type> args, Type result) {
    public enum Kind { STATIC_CALL, CONSTRUCTOR, STATIC_FIELD, METHOD, FIELD }

    public boolean isCall() {
        return kind == Kind.STATIC_CALL || kind == Kind.CONSTRUCTOR || kind == Kind.METHOD;
    }

    /** Whether the member was found (and, for a call, an overload chosen). */
    public boolean resolved() {
        return isCall() ? choice != null && choice.ok() : field != null;
    }
}
