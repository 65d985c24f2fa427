package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;
import java.util.List;

/** Ruchy expressions. Control flow is expression-shaped: blocks, {@code if}, {@code match} and loops have values. */
public sealed interface Expr extends Node {
    // ---- literals -----------------------------------------------------------------------------

    record IntLit(long value, Span span) implements Expr {
    }

    record FloatLit(double value, Span span) implements Expr {
    }

    /** A string literal; {@code raw} for {@code r"..."}. */
    record StringLit(String value, boolean raw, Span span) implements Expr {
    }

    /** {@code 'c'}: a one-character string at run time. */
    record CharLit(String value, Span span) implements Expr {
    }

    /** {@code b'A'}: prints as its number. */
    record ByteLit(long value, Span span) implements Expr {
    }

    record BoolLit(boolean value, Span span) implements Expr {
    }

    /** {@code nil}, {@code null} or {@code ()}. */
    record NilLit(Span span) implements Expr {
    }

    /** {@code :name}. */
    record AtomLit(String name, Span span) implements Expr {
    }

    /** {@code f"..."}: literal text and embedded expressions. */
    record FString(List<FStringPart> parts, Span span) implements Expr {
    }

    /** A piece of an f-string. */
    sealed interface FStringPart {
    }

    record FStringText(String text) implements FStringPart {
    }

    /** {@code {expr}} or {@code {expr:spec}}; {@code spec} is null when absent. */
    record FStringInterp(Expr expr, String spec) implements FStringPart {
    }

    // ---- names --------------------------------------------------------------------------------

    /** A plain name, including {@code self}. */
    record Ident(String name, Span span) implements Expr {
    }

    /** {@code a::b::C}, {@code Vec::<i64>::new} (type arguments of the last segment in {@code typeArgs}). */
    record Path(List<String> segments, List<TypeRef> typeArgs, Span span) implements Expr {
    }

    // ---- operators ----------------------------------------------------------------------------

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
    }

    /** {@code target = value}; the target is a name, field or index expression. */
    record Assign(Expr target, Expr value, Span span) implements Expr {
    }

    /** {@code target op= value}. */
    record CompoundAssign(BinaryOp op, Expr target, Expr value, Span span) implements Expr {
    }

    /** {@code cond ? a : b}. */
    record Ternary(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {
    }

    /** {@code start..end}, {@code start..=end}; either bound may be null ({@code ..n}, {@code a..}). */
    record Range(Expr start, Expr end, boolean inclusive, Span span) implements Expr {
    }

    /** {@code e as T}. */
    record Cast(Expr expr, TypeRef type, Span span) implements Expr {
    }

    /** Postfix {@code e?}: unwraps {@code Ok}/{@code Some} or returns the error. */
    record Try(Expr operand, Span span) implements Expr {
    }

    // ---- access and calls ---------------------------------------------------------------------

    /** An argument, positional ({@code name} null) or named ({@code greeting = "Yo"}). */
    record Arg(String name, Expr value, Span span) implements Node {
    }

    record Call(Expr callee, List<Arg> args, Span span) implements Expr {
    }

    /** {@code receiver.name(args)}; {@code optional} for {@code receiver?.name(args)}. */
    record MethodCall(Expr receiver, String name, List<TypeRef> typeArgs, List<Arg> args, boolean optional, Span span)
            implements Expr {
    }

    /** {@code receiver.name}; tuple fields are named by their index ({@code t.0}). */
    record Field(Expr receiver, String name, boolean optional, Span span) implements Expr {
    }

    record Index(Expr target, Expr index, Span span) implements Expr {
    }

    /** {@code name!(args)} or {@code name![args]}: {@code vec!}, {@code println!}, {@code format!}. */
    record MacroCall(String name, List<Expr> args, Span span) implements Expr {
    }

    // ---- collections --------------------------------------------------------------------------

    record ArrayLit(List<Expr> elements, Span span) implements Expr {
    }

    /** {@code [value; count]}. */
    record ArrayRepeat(Expr value, Expr count, Span span) implements Expr {
    }

    record TupleLit(List<Expr> elements, Span span) implements Expr {
    }

    /** {@code {a: 1, "b": 2, ...rest}}; {@code {}} is an empty object. */
    record ObjectLit(List<ObjectEntry> entries, Span span) implements Expr {
    }

    /** An entry of an object literal. */
    sealed interface ObjectEntry extends Node {
    }

    /**
     * {@code key: value}, {@code "key": value}, {@code key => value}, {@code 21: value}: {@code key} is a
     * {@code String} for a name or string, a {@code Long}, {@code Double} or {@code Boolean} for an
     * integer ({@code -1} too), float or boolean literal, which stays a key of that type.
     */
    record KeyValue(Object key, Expr value, Span span) implements ObjectEntry {
    }

    /** {@code ...other}. */
    record Spread(Expr value, Span span) implements ObjectEntry {
    }

    /** {@code P { x: 1, y }} and {@code P { x: 1, ..base }}. */
    record StructLit(List<String> path, List<FieldInit> fields, Expr base, Span span) implements Expr {
    }

    /** {@code name: value}, or {@code name} alone (value is then an {@link Ident}). */
    record FieldInit(String name, Expr value, Span span) implements Node {
    }

    /** {@code [x * x for x in xs if x > 1]}; {@code condition} may be null. */
    record Comprehension(Expr element, Pattern pattern, Expr iterable, Expr condition, Span span) implements Expr {
    }

    // ---- blocks and control flow ----------------------------------------------------------------

    /** {@code { stmts }}; its value is that of its last expression statement. */
    record Block(List<Stmt> statements, Span span) implements Expr {
    }

    /** {@code if cond { } else ...}; {@code otherwise} is null, a {@link Block} or another {@link If}/{@link IfLet}. */
    record If(Expr condition, Block then, Expr otherwise, Span span) implements Expr {
    }

    /** {@code if let pattern = value { } else ...}. */
    record IfLet(Pattern pattern, Expr value, Block then, Expr otherwise, Span span) implements Expr {
    }

    record Match(Expr scrutinee, List<MatchArm> arms, Span span) implements Expr {
    }

    /** {@code pattern if guard => body}; {@code guard} may be null. */
    record MatchArm(Pattern pattern, Expr guard, Expr body, Span span) implements Node {
    }

    /** {@code label: for pattern in iterable { }}; {@code label} may be null. */
    record For(String label, Pattern pattern, Expr iterable, Block body, Span span) implements Expr {
    }

    record While(String label, Expr condition, Block body, Span span) implements Expr {
    }

    record WhileLet(String label, Pattern pattern, Expr value, Block body, Span span) implements Expr {
    }

    record Loop(String label, Block body, Span span) implements Expr {
    }

    /** {@code break}, {@code break 'label}, {@code break value}; label and value may be null. */
    record Break(String label, Expr value, Span span) implements Expr {
    }

    record Continue(String label, Span span) implements Expr {
    }

    /** {@code return} (value null) or {@code return value}. */
    record Return(Expr value, Span span) implements Expr {
    }

    /** {@code try { } catch e { } finally { }}; at least one of catches and finally is present. */
    record TryCatch(Block body, List<CatchClause> catches, Block finallyBlock, Span span) implements Expr {
    }

    /** {@code catch e { }} or {@code catch (e: Type) { }}; {@code pattern} may be null ({@code catch { }}). */
    record CatchClause(Pattern pattern, TypeRef type, Block body, Span span) implements Node {
    }

    record Throw(Expr value, Span span) implements Expr {
    }

    /** {@code let pattern = value in body}. */
    record LetIn(Pattern pattern, Expr value, Expr body, Span span) implements Expr {
    }

    // ---- functions and concurrency ------------------------------------------------------------

    /** {@code |a, b| body}, {@code fun(x) { }}, {@code x => x * 2}; {@code result} may be null. */
    record Lambda(List<Param> params, TypeRef result, Expr body, boolean async, Span span) implements Expr {
    }

    /** {@code await e} or {@code e.await()}. */
    record Await(Expr operand, Span span) implements Expr {
    }

    /** {@code async { }}. */
    record AsyncBlock(Block body, Span span) implements Expr {
    }

    /** {@code spawn { }} or {@code spawn f(x)}. */
    record Spawn(Expr body, Span span) implements Expr {
    }

    /** {@code lazy e}. */
    record Lazy(Expr value, Span span) implements Expr {
    }

    /** An expression that failed to parse; already reported. */
    record Error(Span span) implements Expr {
    }
}
