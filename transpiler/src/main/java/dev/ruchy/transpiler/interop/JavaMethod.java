package dev.ruchy.transpiler.interop;

import java.util.List;

/**
 * A public method or constructor. Types are Java source text as in {@link JavaClass}.
 *
 * @param name           the method's name, {@code <init>} for a constructor
 * @param isStatic       a static method
 * @param isAbstract     abstract (an interface method without a body, which makes a functional
 *                       interface when it is the only one besides {@code Object}'s)
 * @param typeParameters the method's own type parameters ({@code T} of {@code <T> List<T> of(T...)})
 * @param parameterTypes one per parameter; a varargs parameter is written as an array ({@code T[]})
 * @param parameterNames one per parameter, {@code arg0}... when the source does not say
 * @param returnType     {@code void} for none and for constructors
 * @param varargs        whether the last parameter is variable-arity
 * @param exceptions     the binary names of the exceptions its {@code throws} clause declares
 *                       (checked or not); empty when it declares none or the source does not say
 */
public record JavaMethod(String name, boolean isStatic, boolean isAbstract, List<String> typeParameters,
                         List<String> parameterTypes, List<String> parameterNames, String returnType,
                         boolean varargs, List<String> exceptions) {
    public JavaMethod {
        typeParameters = List.copyOf(typeParameters);
        parameterTypes = List.copyOf(parameterTypes);
        parameterNames = List.copyOf(parameterNames);
        exceptions = List.copyOf(exceptions);
    }

    /** A method whose {@code throws} clause is not known (or empty). */
    public JavaMethod(String name, boolean isStatic, boolean isAbstract, List<String> typeParameters,
            List<String> parameterTypes, List<String> parameterNames, String returnType, boolean varargs) {
        this(name, isStatic, isAbstract, typeParameters, parameterTypes, parameterNames, returnType, varargs, List.of());
    }

    public boolean isConstructor() {
        return name.equals("<init>");
    }
}
