package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The {@code @RuchyName("user_name")} annotations of generated code: written on a type, record
 * component, field or method of a Ruchy type wherever {@link Names} gave it a Java name that differs
 * from the Ruchy one, so that the runtime prints and finds it ({@code obj.user_name},
 * {@code obj.notify()}) by its Ruchy name without knowing the renaming rule.
 */
final class RuchyNames {
    private static final ClassName RUCHY_NAME = RuntimeApi.type("RuchyName");

    private RuchyNames() {
    }

    /**
     * The annotations for an element named {@code java} in Java and {@code ruchy} in Ruchy: none when
     * the names are equal, else one {@code @RuchyName(ruchy)}. Pass the result to a builder's
     * {@code addAnnotations}.
     */
    static List<AnnotationSpec> of(String ruchy, String java) {
        if (ruchy.equals(java)) {
            return List.of();
        }
        return List.of(AnnotationSpec.builder(RUCHY_NAME).addMember("value", "$S", ruchy).build());
    }
}
