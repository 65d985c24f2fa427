package dev.ruchy.transpiler.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Class-file descriptors and generic signatures (JVMS 4.3, 4.7.9.1) rendered as the Java source
 * text of {@link JavaClass}: binary names ({@code java.util.Map$Entry<K, V>}), {@code ? extends T},
 * arrays as {@code T[]}.
 */
final class Signatures {
    private Signatures() {
    }

    record ClassSignature(List<String> typeParameters, String superclass, List<String> interfaces) {
    }

    record MethodSignature(List<String> typeParameters, List<String> parameterTypes, String returnType) {
    }

    static ClassSignature classSignature(String signature) {
        Cursor c = new Cursor(signature);
        List<String> params = c.peek() == '<' ? c.typeParameters() : List.of();
        String superclass = c.fieldType();
        List<String> interfaces = new ArrayList<>();
        while (!c.atEnd()) {
            interfaces.add(c.fieldType());
        }
        return new ClassSignature(params, superclass, interfaces);
    }

    /** A method descriptor ({@code (IJ)V}) or generic signature ({@code <T:Ljava/lang/Object;>(TT;)V}). */
    static MethodSignature methodSignature(String signature) {
        Cursor c = new Cursor(signature);
        List<String> params = c.peek() == '<' ? c.typeParameters() : List.of();
        c.expect('(');
        List<String> types = new ArrayList<>();
        while (c.peek() != ')') {
            types.add(c.type());
        }
        c.expect(')');
        String result = c.type();
        return new MethodSignature(params, types, result);
    }

    /** A field descriptor or signature. */
    static String fieldType(String signature) {
        return new Cursor(signature).type();
    }

    /** A generic signature that does not parse (a compiler's own extension) is read from the descriptor instead. */
    static ClassSignature classSignatureOrNull(String signature) {
        try {
            return classSignature(signature);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static MethodSignature methodSignatureOrNull(String signature) {
        try {
            return methodSignature(signature);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String fieldTypeOrNull(String signature) {
        try {
            return fieldType(signature);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final class Cursor {
        private final String s;
        private int at;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return at >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("bad signature " + s + " at " + at + ": expected " + c);
            }
            at++;
        }

        /** {@code <K:Ljava/lang/Object;V::Ljava/lang/Comparable<TV;>;>}: the names. */
        List<String> typeParameters() {
            expect('<');
            List<String> names = new ArrayList<>();
            while (peek() != '>') {
                int colon = s.indexOf(':', at);
                names.add(s.substring(at, colon));
                at = colon;
                while (peek() == ':') {
                    at++;
                    if (peek() != ':' && peek() != '>') {
                        fieldType(); // a bound
                    }
                }
            }
            expect('>');
            return names;
        }

        String type() {
            char c = s.charAt(at);
            String base = switch (c) {
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'D' -> "double";
                case 'F' -> "float";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'S' -> "short";
                case 'Z' -> "boolean";
                case 'V' -> "void";
                default -> null;
            };
            if (base != null) {
                at++;
                return base;
            }
            return fieldType();
        }

        String fieldType() {
            char c = s.charAt(at);
            switch (c) {
                case '[' -> {
                    at++;
                    return type() + "[]";
                }
                case 'T' -> {
                    int end = s.indexOf(';', at);
                    String name = s.substring(at + 1, end);
                    at = end + 1;
                    return name;
                }
                case 'L' -> {
                    at++;
                    StringBuilder name = new StringBuilder();
                    String args = "";
                    while (true) {
                        char d = s.charAt(at);
                        if (d == ';') {
                            at++;
                            break;
                        } else if (d == '<') {
                            args = typeArguments();
                        } else if (d == '.') {
                            // Outer<A>.Inner: the binary name Outer$Inner, the outer's arguments dropped
                            at++;
                            name.append('$');
                            args = "";
                        } else {
                            name.append(d == '/' ? '.' : d);
                            at++;
                        }
                    }
                    return name + args;
                }
                default -> throw new IllegalArgumentException("bad signature " + s + " at " + at);
            }
        }

        private String typeArguments() {
            expect('<');
            List<String> args = new ArrayList<>();
            while (peek() != '>') {
                char c = peek();
                if (c == '*') {
                    at++;
                    args.add("?");
                } else if (c == '+') {
                    at++;
                    args.add("? extends " + fieldType());
                } else if (c == '-') {
                    at++;
                    args.add("? super " + fieldType());
                } else {
                    args.add(fieldType());
                }
            }
            expect('>');
            return "<" + String.join(", ", args) + ">";
        }
    }
}
