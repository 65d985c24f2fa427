package dev.ruchy.transpiler.code;

import java.util.List;

/**
 * The static type inference gives a Ruchy expression. {@link Dyn} is the explicit fallback where the
 * program is really dynamic (a JSON field, a value that is an integer on one path and a string on
 * another); everything else maps to a precise Java type.
 */
public sealed interface Type {
    /** Not known yet; becomes something else during inference, or {@link Dyn} at the end. */
    Type UNKNOWN = new Unknown();
    Type INT = new Int();
    Type FLOAT = new Float();
    Type BOOL = new Bool();
    Type STR = new Str();
    /** The type of {@code nil} and of statements: {@code void} as a result, {@code null} as a value. */
    Type NIL = new Nil();
    Type DYN = new Dyn();
    Type OBJECT = new ObjectType();
    /** A tuple whose element types are not known. */
    Type TUPLE = new TupleType(List.of());
    Type RANGE = new RangeType();

    record Unknown() implements Type {
    }

    /** Ruchy integer: Java {@code long}. */
    record Int() implements Type {
    }

    /** Ruchy float: Java {@code double}. */
    record Float() implements Type {
    }

    record Bool() implements Type {
    }

    record Str() implements Type {
    }

    record Nil() implements Type {
    }

    /** A value whose type is only known at run time: Java {@code Object}. */
    record Dyn() implements Type {
    }

    /** A Ruchy array: a Java {@code List} of the element type. */
    record ListType(Type element) implements Type {
    }

    /** A Ruchy object literal or parsed JSON object: the runtime's map type. */
    record ObjectType() implements Type {
    }

    /** A tuple; {@code elements} is empty when their types are not known. */
    record TupleType(List<Type> elements) implements Type {
        /** The type of element {@code index}, or {@link Type#DYN} when unknown. */
        public Type element(int index) {
            return index >= 0 && index < elements.size() ? elements.get(index) : DYN;
        }
    }

    record RangeType() implements Type {
    }

    /**
     * A closure or function value taking {@code arity} arguments ({@code -1}: varies). A typed one
     * also knows its parameter types ({@code params}, one per argument) and its {@code result}
     * ({@link Type#NIL} when it gives nothing); an untyped one has no parameter types and a
     * {@code null} result, and takes and gives dynamic values.
     */
    record FunctionType(int arity, List<Type> params, Type result) implements Type {
        /** An untyped function value of {@code arity} arguments. */
        public FunctionType(int arity) {
            this(arity, List.of(), null);
        }

        /** Whether its parameter and result types are known. */
        public boolean typed() {
            return result != null && params.size() == arity;
        }
    }

    /** A user-declared struct, class or enum, emitted as a Java type of that name. */
    record Named(String name) implements Type {
    }

    /** {@code Some(x)}/{@code None}. */
    record OptionType(Type element) implements Type {
    }

    /**
     * A class of the runtime's typed API ({@code HttpServer}, {@code Request}, ...), as the catalog
     * declares it ({@code class ALIAS = qualified.Name}): its methods and fields are the catalog's
     * {@code member} and {@code field} entries.
     *
     * @param alias     the catalog alias, {@code HttpServer}
     * @param qualified the Java class, {@code dev.ruchy.runtime.net.http.HttpServer}
     */
    record RuntimeClass(String alias, String qualified) implements Type {
    }

    /**
     * A Java class a Ruchy file imports ({@code use java::util::UUID}) or a Java method gives, other
     * than those with a Ruchy type of their own ({@code String} is {@link Str}, {@code long} is
     * {@link Int}, {@code java.util.List<X>} a {@link ListType}, ...).
     *
     * @param binaryName    {@code java.util.UUID}, {@code java.util.Map$Entry}
     * @param typeArguments one per type parameter of the class (none for a non-generic class), each
     *                      the Ruchy type whose boxed Java type is the argument: {@link Int} is
     *                      {@code Long}, {@link Dyn} is {@code Object}, {@code Integer} is
     *                      {@code JavaType("java.lang.Integer", [])}
     */
    record JavaType(String binaryName, List<Type> typeArguments) implements Type {
        public JavaType {
            typeArguments = List.copyOf(typeArguments);
        }

        /** The simple name, {@code Entry} for {@code java.util.Map$Entry}. */
        public String simpleName() {
            return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
        }
    }

    /** {@code Ok(x)}/{@code Err(e)}. */
    record ResultType(Type ok, Type err) implements Type {
    }

    static Type list(Type element) {
        return new ListType(element);
    }

    default boolean isUnknown() {
        return this instanceof Unknown;
    }

    default boolean isNumeric() {
        return this instanceof Int || this instanceof Float;
    }

    /** Whether the Java type is a primitive ({@code long}, {@code double}, {@code boolean}). */
    default boolean isPrimitive() {
        return this instanceof Int || this instanceof Float || this instanceof Bool;
    }

    /**
     * The least type holding both: equal types stay, {@link Unknown} yields to the other, lists join
     * their elements (and a Java class its type arguments), anything else becomes {@link Dyn}. An integer and a float do not join to a
     * float: Ruchy prints {@code 1} and {@code 1.0} differently, so the value must keep its kind.
     */
    static Type join(Type a, Type b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.isUnknown()) {
            return b;
        }
        if (b.isUnknown()) {
            return a;
        }
        if (a instanceof ListType la && b instanceof ListType lb) {
            return list(join(la.element(), lb.element()));
        }
        if (a instanceof OptionType oa && b instanceof OptionType ob) {
            return new OptionType(join(oa.element(), ob.element()));
        }
        if (a instanceof TupleType ta && b instanceof TupleType tb) {
            if (ta.elements().size() != tb.elements().size()) {
                return TUPLE;
            }
            List<Type> joined = new java.util.ArrayList<>();
            for (int i = 0; i < ta.elements().size(); i++) {
                joined.add(join(ta.elements().get(i), tb.elements().get(i)));
            }
            return new TupleType(List.copyOf(joined));
        }
        if (a instanceof FunctionType fa && b instanceof FunctionType fb && fa.arity() == fb.arity()) {
            return new FunctionType(fa.arity()); // two different typed functions: a dynamic one
        }
        if (a instanceof JavaType ja && b instanceof JavaType jb && ja.binaryName().equals(jb.binaryName())
                && ja.typeArguments().size() == jb.typeArguments().size()) {
            List<Type> joined = new java.util.ArrayList<>();
            for (int i = 0; i < ja.typeArguments().size(); i++) {
                joined.add(join(ja.typeArguments().get(i), jb.typeArguments().get(i)));
            }
            return new JavaType(ja.binaryName(), joined);
        }
        if (a instanceof ResultType ra && b instanceof ResultType rb) {
            return new ResultType(join(ra.ok(), rb.ok()), join(ra.err(), rb.err()));
        }
        return DYN;
    }

    /** Unknown parts become {@link Dyn}. */
    default Type resolved() {
        return switch (this) {
            case Unknown u -> DYN;
            case ListType l -> list(l.element().resolved());
            case OptionType o -> new OptionType(o.element().resolved());
            case ResultType r -> new ResultType(r.ok().resolved(), r.err().resolved());
            case TupleType t -> new TupleType(t.elements().stream().map(Type::resolved).toList());
            case JavaType j when !j.typeArguments().isEmpty() ->
                    new JavaType(j.binaryName(), j.typeArguments().stream().map(Type::resolved).toList());
            case FunctionType f when f.typed() -> new FunctionType(f.arity(),
                    f.params().stream().map(Type::resolved).toList(), f.result().resolved());
            default -> this;
        };
    }
}
