package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.List;

/** What every printer of the emitter shares: the emission context, the program's types and names, and the primitives used everywhere. */
abstract class Printer {
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName OBJECT = ClassName.get(Object.class);
    static final ClassName LIST = ClassName.get("java.util", "List");
    /**
     * Java's {@code null}, Ruchy's nil: every printer writes nil as this one block, so a printer can
     * tell a nil value from other code by identity ({@code code == NIL}) without reading code back.
     */
    static final CodeBlock NIL = CodeBlock.of("null");

    final EmitContext cx;
    final Resolution resolution;
    final TypeInference.Types types;

    Printer(EmitContext cx) {
        this.cx = cx;
        this.resolution = cx.resolution;
        this.types = cx.types;
    }

    /**
     * Arguments separated by commas, each comma a place where JavaPoet may break the line when it
     * would pass 100 characters ({@code $W}); the continuation is indented twice.
     */
    static CodeBlock arguments(List<CodeBlock> codes) {
        return CodeBlock.join(codes, ",$W");
    }

    /** The Java expression for {@code e}; its Java type is {@code javaType(types.of(e))}. */
    CodeBlock expr(Expr e) {
        return cx.expressions.expr(e);
    }

    /** Adds one statement to the method being emitted. */
    void stmt(String format, Object... args) {
        cx.stmt(format, args);
    }

    /** The Java type for an inferred type. */
    TypeName javaType(Type t) {
        return cx.coercions.javaType(t);
    }

    /** {@code code} of type {@code from} converted to {@code to}. */
    CodeBlock coerce(CodeBlock code, Type from, Type to) {
        return cx.coercions.coerce(code, from, to);
    }
}
