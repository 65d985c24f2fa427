package dev.ruchy.transpiler.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Java type as written in {@link JavaClass}'s source text ({@code java.util.Map$Entry<K, V>},
 * {@code ? super T}, {@code int[]}), parsed.
 */
public sealed interface TypeText {
    /** {@code int}, {@code long}, ..., {@code void}. */
    record Primitive(String name) implements TypeText {
    }

    /** A class or interface by binary name, with its type arguments (none for a raw or non-generic one). */
    record ClassType(String binaryName, List<TypeText> arguments) implements TypeText {
        public ClassType {
            arguments = List.copyOf(arguments);
        }
    }

    /** A type variable ({@code T}). */
    record Variable(String name) implements TypeText {
    }

    record Array(TypeText element) implements TypeText {
    }

    /**
     * A wildcard: {@code ?} (bound null), {@code ? extends B} ({@code upper} true) or {@code ? super B}.
     */
    record Wildcard(TypeText bound, boolean upper) implements TypeText {
    }

    TypeText OBJECT = new ClassType("java.lang.Object", List.of());

    /**
     * Parses {@code text}: a name with a dot (or a {@code $}) is a class, a primitive's name is a
     * primitive, any other name a type variable.
     *
     * @throws IllegalArgumentException when the text is not a type
     */
    static TypeText parse(String text) {
        Parser p = new Parser(text);
        TypeText t = p.type();
        p.skipSpaces();
        if (p.at < text.length()) {
            throw new IllegalArgumentException("not a type: " + text);
        }
        return t;
    }

    /** {@code this} with type variables replaced by {@code bindings}' (those missing stay). */
    default TypeText substitute(Map<String, TypeText> bindings) {
        return switch (this) {
            case Variable v -> bindings.getOrDefault(v.name(), v);
            case ClassType c -> c.arguments().isEmpty() ? c
                    : new ClassType(c.binaryName(), c.arguments().stream().map(a -> a.substitute(bindings)).toList());
            case Array a -> new Array(a.element().substitute(bindings));
            case Wildcard w -> w.bound() == null ? w : new Wildcard(w.bound().substitute(bindings), w.upper());
            case Primitive p -> p;
        };
    }

    /** The type as Java source text with binary names, as {@link JavaClass} writes it. */
    default String text() {
        return switch (this) {
            case Primitive p -> p.name();
            case Variable v -> v.name();
            case Array a -> a.element().text() + "[]";
            case Wildcard w -> w.bound() == null ? "?" : (w.upper() ? "? extends " : "? super ") + w.bound().text();
            case ClassType c -> c.arguments().isEmpty() ? c.binaryName() : c.binaryName() + "<"
                    + String.join(", ", c.arguments().stream().map(TypeText::text).toList()) + ">";
        };
    }

    /** The type as a Java programmer writes it: simple names, {@code Map.Entry} for a nested class. */
    default String display() {
        return switch (this) {
            case Primitive p -> p.name();
            case Variable v -> v.name();
            case Array a -> a.element().display() + "[]";
            case Wildcard w -> w.bound() == null ? "?" : (w.upper() ? "? extends " : "? super ") + w.bound().display();
            case ClassType c -> {
                String name = c.binaryName().substring(c.binaryName().lastIndexOf('.') + 1).replace('$', '.');
                yield c.arguments().isEmpty() ? name : name + "<"
                        + String.join(", ", c.arguments().stream().map(TypeText::display).toList()) + ">";
            }
        };
    }

    final class Parser {
        private static final List<String> PRIMITIVES = List.of("boolean", "byte", "char", "short", "int", "long",
                "float", "double", "void");
        private final String s;
        private int at;

        private Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
        }

        TypeText type() {
            skipSpaces();
            TypeText t;
            if (s.startsWith("?", at)) {
                at++;
                skipSpaces();
                if (s.startsWith("extends ", at)) {
                    at += "extends ".length();
                    t = new Wildcard(type(), true);
                } else if (s.startsWith("super ", at)) {
                    at += "super ".length();
                    t = new Wildcard(type(), false);
                } else {
                    t = new Wildcard(null, true);
                }
                return t;
            }
            int start = at;
            while (at < s.length() && (Character.isJavaIdentifierPart(s.charAt(at)) || s.charAt(at) == '.')) {
                at++;
            }
            String name = s.substring(start, at);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("not a type: " + s);
            }
            if (PRIMITIVES.contains(name)) {
                t = new Primitive(name);
            } else if (name.indexOf('.') < 0 && name.indexOf('$') < 0) {
                t = new Variable(name);
            } else {
                List<TypeText> args = new ArrayList<>();
                if (at < s.length() && s.charAt(at) == '<') {
                    at++;
                    while (true) {
                        args.add(type());
                        skipSpaces();
                        char c = s.charAt(at++);
                        if (c == '>') {
                            break;
                        }
                        if (c != ',') {
                            throw new IllegalArgumentException("not a type: " + s);
                        }
                    }
                }
                t = new ClassType(name, args);
            }
            while (s.startsWith("[]", at)) {
                at += 2;
                t = new Array(t);
            }
            return t;
        }
    }
}
