package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;
import java.util.List;

/** Statements and items: what a block or a file is made of. */
public sealed interface Stmt extends Node {
    /** An expression in statement position; {@code semicolon} when a {@code ;} followed it. */
    record ExprStmt(Expr expr, boolean semicolon, Span span) implements Stmt {
    }

    /** How a binding was introduced. */
    enum LetKind { LET, LET_MUT, VAR, CONST }

    /**
     * {@code let x = 1}, {@code let mut x: i64 = 1}, {@code var x = 1}, {@code const X = 1},
     * {@code let Some(v) = opt else { ... }}; {@code type}, {@code init} and {@code elseBlock} may be null.
     */
    record Let(LetKind kind, Pattern pattern, TypeRef type, Expr init, Expr.Block elseBlock, Span span) implements Stmt {
    }

    /** A named function, at top level, in a block, or as a method. */
    record Fun(
            List<Attribute> attributes,
            boolean isPublic,
            boolean async,
            String name,
            List<String> typeParams,
            List<Param> params,
            TypeRef result,
            Expr.Block body,
            Span span) implements Stmt {
    }

    /** {@code name: Type = default} in a struct or class; {@code defaultValue} may be null. */
    record FieldDecl(String name, TypeRef type, Expr defaultValue, boolean mutable, Span span) implements Node {
    }

    /** {@code struct P { x: i64, y: i64 }}, {@code struct P(i64, i64)}, {@code struct Unit}; methods written inside the body too. */
    record Struct(
            List<Attribute> attributes,
            String name,
            List<String> typeParams,
            List<FieldDecl> fields,
            List<TypeRef> tupleFields,
            List<Fun> methods,
            Span span) implements Stmt {
    }

    /** A variant: unit ({@code Red}), tuple ({@code Circle(f64)}), struct-like ({@code Move { x: i64 }}) or with a discriminant. */
    record Variant(String name, List<TypeRef> tupleFields, List<FieldDecl> structFields, Expr discriminant, Span span)
            implements Node {
    }

    record Enum(List<Attribute> attributes, String name, List<String> typeParams, List<Variant> variants, Span span)
            implements Stmt {
    }

    /** {@code impl Type { }} or {@code impl Trait for Type { }}; {@code trait} may be null. */
    record Impl(List<String> typeParams, TypeRef trait, TypeRef target, List<Fun> methods, Span span) implements Stmt {
    }

    /** {@code trait T { fun f(&self); fun g(&self) { default } }}: bodies may be null. */
    record Trait(String name, List<String> typeParams, List<Fun> methods, Span span) implements Stmt {
    }

    /**
     * {@code class Name : Parent { fields; new(params) { } fun m(&self) { } }}; {@code parent} may be null;
     * constructors are {@link Fun}s named {@code new} (or their given name).
     */
    record Class(
            String name,
            List<String> typeParams,
            TypeRef parent,
            List<FieldDecl> fields,
            List<Fun> constructors,
            List<Fun> methods,
            Span span) implements Stmt {
    }

    /** {@code receive Msg(a, b) => body} inside an actor; {@code pattern} matches the message. */
    record ReceiveArm(Pattern pattern, Expr guard, Expr body, Span span) implements Node {
    }

    /** {@code actor Name { state fields; receive handlers; methods }}. */
    record Actor(String name, List<FieldDecl> fields, List<ReceiveArm> handlers, List<Fun> methods, Span span)
            implements Stmt {
    }

    /** One name brought in by {@code use}: {@code path::name as alias}, or a glob ({@code path::*}, name {@code *}). */
    record UseItem(List<String> path, String alias, Span span) implements Node {
    }

    /** {@code use std::net::http;}, {@code use a::{b, c as d};}, {@code import x.y}. */
    record Use(List<UseItem> items, Span span) implements Stmt {
    }

    /** {@code mod name { items }} or {@code mod name;} (body null). */
    record Mod(String name, List<Stmt> body, Span span) implements Stmt {
    }

    /** {@code type Alias = T}. */
    record TypeAlias(String name, List<String> typeParams, TypeRef type, Span span) implements Stmt {
    }

    /** A statement that failed to parse; already reported. */
    record Error(Span span) implements Stmt {
    }
}
