package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to, named as data: the transpiler never links to the runtime. */
final class RuntimeApi {
    static final String PACKAGE = "dev.ruchy.runtime";

    static final ClassName BUILTINS = ClassName.get(PACKAGE, "Builtins");
    static final ClassName OPS = ClassName.get(PACKAGE, "Ops");
    static final ClassName FMT = ClassName.get(PACKAGE, "Fmt");
    static final ClassName R_OBJECT = ClassName.get(PACKAGE, "RObject");
    static final ClassName TUPLE = ClassName.get(PACKAGE, "Tuple");
    static final ClassName RANGE = ClassName.get(PACKAGE, "Range");
    static final ClassName OPTION = ClassName.get(PACKAGE, "Option");
    static final ClassName RESULT = ClassName.get(PACKAGE, "Result");
    static final ClassName RUCHY_ERROR = ClassName.get(PACKAGE, "RuchyError");
    static final ClassName CELL = ClassName.get(PACKAGE, "Cell");
    static final ClassName STRINGS = ClassName.get(PACKAGE, "Strings");
    static final ClassName LISTS = ClassName.get(PACKAGE, "Lists");
    static final ClassName STRUCT = ClassName.get(PACKAGE, "RuchyStruct");
    static final ClassName ENUM = ClassName.get(PACKAGE, "RuchyEnum");
    static final ClassName TEST_ASSERTIONS = ClassName.get(PACKAGE, "TestAssertions");

    private RuntimeApi() {
    }

    /** {@code Fn0} ... {@code Fn4}: the functional interfaces closures are emitted as; {@code FnN} beyond. */
    static ClassName fn(int arity) {
        return arity <= 4 ? ClassName.get(PACKAGE, "Fn" + arity) : ClassName.get(PACKAGE, "FnN");
    }
}
