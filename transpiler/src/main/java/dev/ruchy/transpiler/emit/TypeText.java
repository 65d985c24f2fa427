package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.stream.Collectors;

/**
 * A JavaPoet type as the interop package writes types: Java source text with binary class names
 * ({@code java.util.List<java.lang.Long>}, {@code com.acme.Shapes$Point}, {@code long}, {@code T}).
 */
final class TypeText {
    private TypeText() {
    }

    static String of(TypeName t) {
        return switch (t) {
            case ClassName c -> c.reflectionName();
            case ParameterizedTypeName p -> p.rawType().reflectionName()
                    + p.typeArguments().stream().map(TypeText::of).collect(Collectors.joining(", ", "<", ">"));
            case ArrayTypeName a -> of(a.componentType()) + "[]";
            case TypeVariableName v -> v.name();
            case WildcardTypeName w -> !w.lowerBounds().isEmpty() ? "? super " + of(w.lowerBounds().get(0))
                    : w.upperBounds().isEmpty() || w.upperBounds().get(0).equals(ClassName.OBJECT) ? "?"
                    : "? extends " + of(w.upperBounds().get(0));
            default -> t.withoutAnnotations().toString(); // a primitive or void
        };
    }
}
