package dev.ruchy.transpiler.interop;

/**
 * A public field (or enum constant). The type is Java source text as in {@link JavaClass}.
 *
 * @param name     the field's name
 * @param isStatic a static field
 * @param isFinal  cannot be assigned
 * @param type     its type
 */
public record JavaField(String name, boolean isStatic, boolean isFinal, String type) {
}
