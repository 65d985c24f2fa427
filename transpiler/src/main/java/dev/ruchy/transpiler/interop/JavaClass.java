package dev.ruchy.transpiler.interop;

import java.util.List;

/**
 * The public face of one Java class. Every type is Java source text with binary class names and
 * type arguments ({@code java.util.List<java.lang.String>}, {@code java.util.Map$Entry<K, V>},
 * {@code int}, {@code T}, {@code ? extends T}, {@code byte[]}).
 *
 * @param name           binary name, {@code java.util.UUID}
 * @param kind           what it is
 * @param typeParameters the names of its type parameters, in order ({@code K}, {@code V})
 * @param superclass     the superclass with its type arguments, or {@code null} for
 *                       {@code java.lang.Object}, interfaces and records' implicit one
 * @param interfaces     the interfaces it implements (or extends, for an interface)
 * @param constructors   public constructors ({@link JavaMethod#name()} is {@code <init>})
 * @param methods        public methods it declares (inherited ones are found through
 *                       {@code superclass} and {@code interfaces})
 * @param fields         public fields it declares (enum constants are static final fields)
 */
public record JavaClass(String name, Kind kind, List<String> typeParameters, String superclass,
                        List<String> interfaces, List<JavaMethod> constructors, List<JavaMethod> methods,
                        List<JavaField> fields) {
    public enum Kind { CLASS, INTERFACE, ENUM, RECORD, ANNOTATION }

    public JavaClass {
        typeParameters = List.copyOf(typeParameters);
        interfaces = List.copyOf(interfaces);
        constructors = List.copyOf(constructors);
        methods = List.copyOf(methods);
        fields = List.copyOf(fields);
    }

    /** The simple name: {@code UUID}, or {@code Entry} for {@code java.util.Map$Entry}. */
    public String simpleName() {
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(cut + 1);
    }

    /** The package, {@code ""} for the unnamed one. */
    public String packageName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
