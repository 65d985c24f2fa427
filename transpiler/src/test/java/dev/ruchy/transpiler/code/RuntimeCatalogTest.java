package dev.ruchy.transpiler.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.code.RuntimeCatalog.TemplatePart;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the runtime catalog: lookups in the standard one, and a malformed one refused at its line. */
class RuntimeCatalogTest {
    private static final RuntimeCatalog STANDARD = RuntimeCatalog.standard();
    private static final String HEAD = "namespace fs\ntype Builtins = dev.ruchy.runtime.Builtins\n";

    @Test
    void builtinsHaveTheirJavaFormArityAndType() {
        RuntimeCatalog.Builtin len = STANDARD.builtin("len");
        assertEquals("dev.ruchy.runtime.Builtins", len.owner());
        assertEquals("len", len.javaName());
        assertEquals(Type.INT, len.result());
        assertTrue(len.accepts(1));
        assertFalse(len.accepts(2));
        assertEquals("at least 0", STANDARD.builtin("println").arity().describe());
        assertEquals("1-3", STANDARD.builtin("range").arity().describe());
        assertEquals(Type.list(Type.INT), STANDARD.builtin("range").result());
        assertEquals("toJsonPretty", STANDARD.builtin("to_json_pretty").javaName());
        assertNull(STANDARD.builtin("to_jsn"));
    }

    @Test
    void pathsDropTheOptionalPrefixesAndReachBuiltinsInFunctionSpaces() {
        assertEquals("fs::read_to_string", STANDARD.path("std::fs::read_to_string").path());
        assertEquals(Type.OBJECT, STANDARD.path("std::collections::HashMap::new").result());
        assertTrue(STANDARD.path("i64::MAX").isConstant());
        assertEquals(Type.INT, STANDARD.path("i64::MAX").result());
        RuntimeCatalog.PathEntry sqrt = STANDARD.path("math::sqrt");
        assertEquals(STANDARD.builtin("sqrt").arity(), sqrt.arity());
        assertEquals(Type.FLOAT, sqrt.result());
        assertNull(STANDARD.path("net::PacketSniffer::new"));
        assertNull(STANDARD.path("math::no_such_builtin"));
        assertTrue(STANDARD.isNamespace("http"));
        assertFalse(STANDARD.isNamespace("java"));
    }

    @Test
    void methodResultsDependOnTheReceiverAndArguments() {
        Type ints = Type.list(Type.INT);
        Type strs = Type.list(Type.STR);
        assertEquals(Type.DYN, STANDARD.methodResult(ints, "first", List.of()), "an int array's first may be nil");
        assertEquals(Type.STR, STANDARD.methodResult(strs, "first", List.of()));
        assertEquals(ints, STANDARD.methodResult(ints, "filter", List.of(Type.DYN)));
        assertEquals(Type.INT, STANDARD.methodResult(ints, "sum", List.of()));
        assertEquals(Type.DYN, STANDARD.methodResult(strs, "sum", List.of()));
        assertEquals(Type.STR, STANDARD.methodResult(strs, "join", List.of()));
        assertEquals(Type.STR, STANDARD.methodResult(strs, "join", List.of(Type.STR)));
        Type option = new Type.OptionType(Type.INT);
        assertEquals(Type.INT, STANDARD.methodResult(option, "unwrap_or", List.of(Type.INT)));
        assertEquals(Type.DYN, STANDARD.methodResult(option, "unwrap_or", List.of(Type.STR)));
        assertEquals(Type.STR, STANDARD.methodResult(Type.DYN, "to_string", List.of()), "every value has to_string");
        assertEquals(Type.DYN, STANDARD.methodResult(Type.DYN, "len", List.of()));
        assertEquals(Type.UNKNOWN, STANDARD.methodResult(Type.UNKNOWN, "len", List.of()));
        assertEquals(Type.FLOAT, STANDARD.methodResult(Type.INT, "sqrt", List.of()));
        assertNull(STANDARD.method(Type.INT, "len", 0), "integers have no len");
        assertEquals("use the ** operator or pow(x, y)", STANDARD.unsupportedHint(RuntimeCatalog.Kind.FLOAT, "powf"));
    }

    @Test
    void templatesApplyOnlyToArgumentsOfTheirParameterTypes() {
        RuntimeCatalog.Method contains = STANDARD.method(Type.STR, "contains", 1);
        assertTrue(contains.templateApplies(List.of(Type.STR)));
        assertFalse(contains.templateApplies(List.of(Type.DYN)), "a dynamic argument goes through Ops.invoke");
        assertEquals(List.of(new TemplatePart.Receiver(), new TemplatePart.Text(".contains("), new TemplatePart.Argument(0),
                new TemplatePart.Text(")")), contains.template());
        RuntimeCatalog.Method upper = STANDARD.method(Type.STR, "to_upper", 0);
        assertEquals(List.of(new TemplatePart.Receiver(), new TemplatePart.Text(".toUpperCase("),
                new TemplatePart.TypeName("java.util.Locale"), new TemplatePart.Text(".ROOT)")), upper.template());
        RuntimeCatalog.Method push = STANDARD.method(Type.list(Type.FLOAT), "push", 1);
        assertTrue(push.templateApplies(List.of(Type.INT)));
        assertEquals(Type.FLOAT, push.paramType(0, Type.list(Type.FLOAT)), "the argument becomes an element");
        assertFalse(STANDARD.method(Type.STR, "trim_start", 0).hasTemplate());
    }

    @Test
    void functionParametersTakeTypedFunctionsOfTheElements() {
        RuntimeCatalog.Method map = STANDARD.method(Type.list(Type.INT), "map", 1);
        Type toStr = new Type.FunctionType(1, List.of(Type.INT), Type.STR);
        assertEquals(List.of(Type.INT), map.functionParams(0, Type.list(Type.INT)), "map calls its function with elements");
        assertTrue(map.templateApplies(List.of(toStr)));
        assertFalse(map.templateApplies(List.of(new Type.FunctionType(1))), "a dynamic closure goes through Ops.invoke");
        assertEquals(Type.list(Type.STR), map.resultFor(Type.list(Type.INT), List.of(toStr)));
        assertEquals(Type.list(Type.DYN), map.resultFor(Type.list(Type.INT), List.of(new Type.FunctionType(1))));
        RuntimeCatalog.Method filter = STANDARD.method(Type.list(Type.INT), "filter", 1);
        assertFalse(filter.templateApplies(List.of(toStr)), "filter's function must give a boolean");
        assertTrue(filter.templateApplies(List.of(new Type.FunctionType(1, List.of(Type.INT), Type.BOOL))));
        assertNull(STANDARD.method(Type.STR, "contains", 1).functionParams(0, Type.STR));
    }

    @Test
    void theStandardCatalogDeclaresTheTypesGeneratedCodeNames() {
        assertEquals("dev.ruchy.runtime.Ops", STANDARD.type("Ops"));
        assertThrows(IllegalArgumentException.class, () -> STANDARD.type("NoSuchType"));
        assertTrue(STANDARD.reserved().contains("record"));
        assertTrue(STANDARD.reserved().contains("toString"));
    }

    @Test
    void aWellFormedCatalogParses() {
        RuntimeCatalog c = RuntimeCatalog.parse("t.catalog", HEAD + """
                # a comment
                fn len(1) : int = Builtins.len
                path fs::read(1..2) : [str]
                const fs::SEP : str
                method str.len() : int = Builtins.len({r})
                method list.first() : elem|nil
                method list.join(str?) : str
                method str.format(any...) : str
                unsupported float.powf : use pow
                """);
        assertEquals(new RuntimeCatalog.Arity(1, 2), c.path("fs::read").arity());
        assertEquals(new RuntimeCatalog.Arity(0, 1), c.method(Type.list(Type.INT), "join", 0).arity());
        assertEquals(new RuntimeCatalog.Arity(0, -1), c.method(Type.STR, "format", 5).arity());
        assertEquals(List.of(new TemplatePart.TypeName("dev.ruchy.runtime.Builtins"), new TemplatePart.Text(".len("),
                new TemplatePart.Receiver(), new TemplatePart.Text(")")), c.method(Type.STR, "len", 0).template());
    }

    @Test
    void onlyAClassMarkedOpenHoldsFieldsOfItsOwn() {
        RuntimeCatalog c = RuntimeCatalog.parse("t.catalog", HEAD + """
                class Req = a.b.Req open
                class Server = a.b.Server
                """);
        assertTrue(c.runtimeClass("Req").open());
        assertEquals("a.b.Req", c.runtimeClass("Req").qualified());
        assertFalse(c.runtimeClass("Server").open());
        assertTrue(STANDARD.runtimeClass("Request").open());
        assertFalse(STANDARD.runtimeClass("HttpServer").open());
        assertFalse(STANDARD.runtimeClass("Packet").open());
    }

    @Test
    void aLiteralParameterSelectsTheMemberForThatStringOnly() {
        RuntimeCatalog c = RuntimeCatalog.parse("t.catalog", HEAD + """
                class Sock = a.b.Sock
                callback Text(str) = a.b.Text
                callback Quiet() = a.b.Quiet
                member Sock.on("message", Text) : Sock = {r}.onMessage({1})
                member Sock.on("close", Quiet) : Sock = {r}.onClose({1})
                member Sock.on("close", Text) : Sock = {r}.onCloseText({1})
                """);
        assertEquals(List.of("\"message\"", "Text"), c.member("Sock", "on", List.of(-1, 1),
                java.util.Arrays.asList("message", null)).params());
        assertEquals(List.of("\"close\"", "Quiet"), c.member("Sock", "on", List.of(-1, 0),
                java.util.Arrays.asList("close", null)).params());
        assertEquals(List.of("\"close\"", "Text"), c.member("Sock", "on", List.of(-1, 1),
                java.util.Arrays.asList("close", null)).params());
        // another event, an event that is not a literal, a closure of another parameter count
        assertNull(c.member("Sock", "on", List.of(-1, 1), java.util.Arrays.asList("open", null)));
        assertNull(c.member("Sock", "on", List.of(-1, 1)));
        assertNull(c.member("Sock", "on", List.of(-1, 2), java.util.Arrays.asList("message", null)));
        assertEquals(Type.STR, RuntimeCatalog.memberParamType("\"message\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeCatalog.parse("t.catalog",
                HEAD + "class S = a.b.S\nmember S.on(\"a b\") : nil\n"));
        assertTrue(e.getMessage().startsWith("t.catalog:4: unknown parameter type `\"a b\"`"), e::getMessage);
    }

    @Test
    void aLiteralKindSelectsAMemberAndResultsAndFieldsSayMore() {
        RuntimeCatalog c = RuntimeCatalog.parse("t.catalog", HEAD + """
                class Req = a.b.Req
                member Req.query(any, #int) : int = {r}.queryInt({0}, {1})
                member Req.query(any, any) : dyn
                member Req.row(any) : obj?
                field Req.params : {str}
                """);
        List<Integer> plain = List.of(-1, -1);
        List<String> noStrings = java.util.Arrays.asList(null, null);
        assertEquals(List.of("any", "#int"), c.member("Req", "query", plain, noStrings, plain,
                java.util.Arrays.asList("str", "int")).params());
        // a float literal, or a value that is no literal, takes the dynamic member
        assertEquals(List.of("any", "any"), c.member("Req", "query", plain, noStrings, plain,
                java.util.Arrays.asList("str", "float")).params());
        assertEquals(List.of("any", "any"), c.member("Req", "query", plain, noStrings, plain).params());
        assertEquals(Type.INT, RuntimeCatalog.memberParamType("#int"));
        RuntimeCatalog.Member row = c.member("Req", "row", List.of(-1));
        assertEquals(Type.OBJECT, row.result());
        assertTrue(row.orNil());
        assertFalse(c.member("Req", "query", plain).orNil());
        assertEquals(Type.OBJECT, c.field("Req", "params").type());
        assertEquals(Type.STR, c.field("Req", "params").values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeCatalog.parse("t.catalog",
                HEAD + "class S = a.b.S\nmember S.q(#list) : nil\n"));
        assertTrue(e.getMessage().startsWith("t.catalog:4: unknown parameter type `#list`"), e::getMessage);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fnn len(1) : int = Builtins.len | t.catalog:3: unknown entry `fnn`",
        "fn len(x) : int = Builtins.len | t.catalog:3: `x` is not an arity",
        "fn len(3..1) : int = Builtins.len | t.catalog:3: the arity `3..1` ends before it starts",
        "fn len(1) : integer = Builtins.len | t.catalog:3: unknown type `integer`",
        "fn len(1) : int = Runtime.len | t.catalog:3: `Runtime` is not a type declared above",
        "fn len(1) : int | t.catalog:3: expected `fn NAME(ARITY) : TYPE = Type.method`",
        "path db::connect(1) : dyn | t.catalog:3: the path `db::connect` starts with `db`, which is not a namespace",
        "method text.len() : int | t.catalog:3: unknown kind `text`",
        "method str.len(string) : int | t.catalog:3: unknown parameter type `string`",
        "method str.pad(int?, str) : str | t.catalog:3: a required parameter cannot follow an optional one",
        "method str.pad(any..., str) : str | t.catalog:3: only the last parameter may take any number of arguments",
        "method str.first() : elem | t.catalog:3: `elem` needs a receiver with elements",
        "method str.len() : int = {r}.length({0}) | t.catalog:3: `{0}`: the method has 0 parameters",
        "method str.len() : int = {x}.length() | t.catalog:3: unknown placeholder `{x}`",
        "method any.hash() : int = {r}.hashCode() | t.catalog:3: a method of every value cannot have a template",
        "namespace std fs | t.catalog:3: duplicate namespace `fs`",
    })
    void aMalformedLineIsRefusedWithItsNumber(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeCatalog.parse("t.catalog", HEAD + line + "\n"));
        assertTrue(e.getMessage().startsWith(message), () -> "got: " + e.getMessage());
    }

    @Test
    void duplicatesAreRefusedWithTheEarlierLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeCatalog.parse("t.catalog",
                HEAD + "method str.pad(int) : str\n\nmethod str.pad(int?, str?) : str\n"));
        assertEquals("t.catalog:5: `str.pad` is already listed for 1 arguments (line 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RuntimeCatalog.parse("t.catalog",
                HEAD + "fn len(1) : int = Builtins.len\nfn len(1) : int = Builtins.len\n"));
        assertEquals("t.catalog:4: duplicate function `len`", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RuntimeCatalog.parse("t.catalog",
                HEAD + "method float.powf(float) : float\nunsupported float.powf : use pow\n"));
        assertEquals("t.catalog:4: `float.powf` is also listed as a method", e.getMessage());
    }
}
