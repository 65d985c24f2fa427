package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Type;

/**
 * The runtime types generated code refers to, as JavaPoet names of the types the runtime catalog
 * declares: the transpiler never links to the runtime, and the catalog is the one place their
 * qualified names are written. A name missing from the catalog fails when this class loads.
 */
final class RuntimeApi {
    static final ClassName BUILTINS = type("Builtins");
    static final ClassName OPS = type("Ops");
    static final ClassName FMT = type("Fmt");
    static final ClassName R_OBJECT = type("RObject");
    static final ClassName TUPLE = type("Tuple");
    static final ClassName RANGE = type("Range");
    static final ClassName OPTION = type("Option");
    static final ClassName RESULT = type("Result");
    static final ClassName RUCHY_ERROR = type("RuchyError");
    static final ClassName CELL = type("Cell");
    static final ClassName LISTS = type("Lists");
    /** Arrays of floats and of integers: {@code double[]}/{@code long[]} behind {@code List<Double>}/{@code List<Long>}. */
    static final ClassName DOUBLE_LIST = type("DoubleList");
    static final ClassName LONG_LIST = type("LongList");
    /** Tables of the rows of an array of float or integer arrays, read once before a loop ({@link LoopRows}). */
    static final ClassName DOUBLE_ROWS = type("DoubleRows");
    static final ClassName LONG_ROWS = type("LongRows");
    static final ClassName STRUCT = type("RuchyStruct");
    static final ClassName ENUM = type("RuchyEnum");
    static final ClassName TEST_ASSERTIONS = type("TestAssertions");

    private RuntimeApi() {
    }

    /** {@code Fn0} ... {@code Fn4}: the functional interfaces closures are emitted as; {@code FnN} beyond. */
    static ClassName fn(int arity) {
        return type(arity <= 4 ? "Fn" + arity : "FnN");
    }

    /**
     * The runtime class an array of {@code element}s is built as when the transpiler knows them all to
     * be floats ({@code DoubleList}) or integers ({@code LongList}); {@code null} for other elements
     * (an {@code ArrayList}).
     */
    static ClassName primitiveList(Type element) {
        return element instanceof Type.Float ? DOUBLE_LIST : element instanceof Type.Int ? LONG_LIST : null;
    }

    /** The type the catalog declares as {@code alias}. */
    static ClassName type(String alias) {
        return ClassName.bestGuess(RuntimeCatalog.standard().type(alias));
    }
}
