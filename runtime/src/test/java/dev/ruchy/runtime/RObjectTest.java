package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RObjectTest {
    @Test
    void literalKeepsInsertionOrder() {
        RObject o = RObject.of("name", "Ann", "age", 7L);
        assertEquals(List.of("name", "age"), o.keys());
        assertEquals(List.of("Ann", 7L), o.values());
        assertEquals(List.of(Tuple.of("name", "Ann"), Tuple.of("age", 7L)), o.items());
        assertEquals(2L, o.len());
        assertFalse(o.isEmpty());
        assertTrue(new RObject().isEmpty());
    }

    @Test
    void getSetHasRemove() {
        RObject o = RObject.of("a", 1L);
        assertEquals(1L, o.get("a"));
        assertEquals("x", o.set("b", "x"));
        assertEquals(2L, o.<Long>set("a", 2L));
        assertEquals(List.of("a", "b"), o.keys()); // replacing keeps the position
        assertTrue(o.has("b"));
        assertEquals("x", o.remove("b"));
        assertFalse(o.has("b"));
        assertNull(o.remove("b"));
        assertNull(o.getOrNull("zz"));
    }

    @Test
    void nilValuesArePresent() {
        RObject o = RObject.of("a", null);
        assertTrue(o.has("a"));
        assertNull(o.get("a"));
        assertEquals("{a: nil}", o.toString());
    }

    @Test
    void missingFieldIsRuchysError() {
        RuchyError e = assertThrows(RuchyError.class, () -> RObject.of("a", 1L).get("k"));
        assertEquals("Runtime error: Object has no field named 'k'", e.getMessage());
        assertEquals("Object has no field named 'k'", e.detail());
        assertEquals(RuchyError.Kind.RUNTIME, e.kind());
        e = assertThrows(RuchyError.class, () -> new RObject().update("k", v -> v));
        assertEquals("Object has no field named 'k'", e.detail());
    }

    @Test
    void badLiteralsAreRejected() {
        assertEquals("RObject.of needs key/value pairs, got 3 arguments",
                assertThrows(IllegalArgumentException.class, () -> RObject.of("a", 1L, "b")).getMessage());
        assertEquals("key at argument 2 is not a string, integer, float or boolean: [5]",
                assertThrows(IllegalArgumentException.class, () -> RObject.of("a", 1L, List.of(5L), 2L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RObject.of(null, 1L));
        assertThrows(NullPointerException.class, () -> new RObject().set(null, 1L));
    }

    @Test
    void keysKeepTheirType() {
        RObject o = RObject.of(21L, "FTP", 22L, "SSH", "21", "text");
        assertEquals("FTP", o.getOrNull((Object) 21L));
        assertEquals("text", o.getOrNull((Object) "21"));
        assertEquals("text", o.getOrNull("21"));
        assertNull(o.getOrNull((Object) 21.0)); // a float key is not the integer key
        assertEquals("HTTP", o.set((Object) 80L, "HTTP"));
        assertTrue(o.has((Object) 22L));
        assertFalse(o.has((Object) List.of(22L)));
        assertEquals(List.of(21L, 22L, "21", 80L), o.keys());
        assertEquals(List.of(Tuple.of(21L, "FTP"), Tuple.of(22L, "SSH"), Tuple.of("21", "text"), Tuple.of(80L, "HTTP")),
                o.items());
        assertEquals("FTP", o.remove((Object) 21L));
        assertEquals(List.of(22L, "21", 80L), o.keys());
        assertEquals("SSH!", o.update((Object) 22L, v -> v + "!"));
        assertEquals("Key '99' not found in object",
                assertThrows(RuchyError.class, () -> o.update((Object) 99L, v -> v)).detail());
    }

    @Test
    void javaFormsOfKeysBecomeRuchyOnes() {
        RObject o = RObject.of(1, "int", 2.5f, "float", 'c', "char", -0.0, "zero", true, "yes");
        assertEquals(List.of(1L, 2.5, "c", 0.0, true), o.keys());
        assertEquals("int", o.getOrNull((Object) 1L));
        assertEquals("zero", o.getOrNull((Object) 0.0));
        assertEquals("yes", o.getOrNull((Object) true));
        assertEquals("Type error: get() expects a string, integer, float or boolean key, got nil",
                assertThrows(RuchyError.class, () -> RObject.key(null, "get()")).getMessage());
    }

    @Test
    void nonStringKeysPrintUnquotedInTheOrderOfTheirText() {
        RObject o = RObject.of(100L, "a", 21L, "b", "x", 1L, 1.5, 2.0, false, nil(), -2L, List.of("v"));
        assertEquals("{-2: [\"v\"], 1.5: 2.0, 100: \"a\", 21: \"b\", false: nil, x: 1}", Fmt.display(o));
        assertEquals("{-2: [v], 1.5: 2.0, 100: a, 21: b, false: nil, x: 1}", Fmt.interpolate(o));
        assertEquals("Object({Integer(-2): Array([String(\"v\")]), Float(1.5): Float(2.0), Integer(100): String(\"a\"), "
                + "Integer(21): String(\"b\"), Bool(false): Nil, \"x\": Integer(1)})", Fmt.debug(o));
        assertEquals(List.of(100L, 21L, "x", 1.5, false, -2L), o.keys()); // listings keep insertion order
    }

    @Test
    void jsonWritesKeysAsStringsAndReadsThemBackAsStrings() {
        RObject o = RObject.of(21L, "FTP", 1.5, true, false, nil(), "s", 1L);
        String json = Json.write(o, false);
        assertEquals("{\"21\":\"FTP\",\"1.5\":true,\"false\":null,\"s\":1}", json);
        assertEquals(List.of("21", "1.5", "false", "s"), ((RObject) Json.parse(json)).keys());
        assertEquals(java.util.Map.of("21", "FTP", "s", 1L, "1.5", true), RObject.of(21L, "FTP", "s", 1L, 1.5, true).snapshot());
    }

    @Test
    void equalityComparesKeysWithTheirType() {
        assertEquals(RObject.of(1L, "a", 2L, "b"), RObject.of(2L, "b", 1L, "a"));
        assertNotEquals(RObject.of(1L, "a"), RObject.of("1", "a"));
        assertNotEquals(RObject.of(1L, "a"), RObject.of(1.0, "a"));
        assertTrue(Ops.eq(RObject.of(1L, "a"), RObject.of(1L, "a")));
        assertFalse(Ops.eq(RObject.of(1L, "a"), RObject.of("1", "a")));
    }

    private static Object nil() {
        return null;
    }

    @Test
    void equalityIgnoresOrder() {
        RObject a = RObject.of("x", 1L, "y", List.of("z"));
        RObject b = RObject.of("y", List.of("z"), "x", 1L);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, RObject.of("x", 1L));
        assertNotEquals(RObject.of("x", 1L), RObject.of("x", 1.0));
    }

    @Test
    void referenceSemantics() {
        // users[id] = user; user.name = "x" is visible through users
        RObject users = new RObject();
        RObject user = RObject.of("name", "Ann");
        users.set("u1", user);
        user.set("name", "x");
        assertEquals("{u1: {name: \"x\"}}", Fmt.display(users));
    }

    @Test
    void snapshotsAreCopies() {
        RObject o = RObject.of("a", 1L);
        var snapshot = o.snapshot();
        List<Object> keys = o.keys();
        o.set("b", 2L);
        assertEquals(1, snapshot.size());
        assertEquals(List.of("a"), keys);
        assertThrows(UnsupportedOperationException.class, () -> snapshot.put("c", 3L));
    }

    @Test
    void manyVirtualThreadsAddingKeysLoseNone() throws Exception {
        RObject shared = new RObject();
        int threads = 64;
        int perThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> reader = executor.submit(() -> {
                start.await();
                while (writing.get()) { // readers during writes must never see a broken map
                    Fmt.display(shared);
                    shared.keys();
                    shared.items();
                    Thread.yield();
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                writers.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        shared.set("k" + id + "_" + i, (long) i);
                        shared.get("k" + id + "_" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            assertDoesNotThrow(() -> reader.get());
        }
        assertEquals((long) threads * perThread, shared.len());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals((long) i, shared.get("k" + t + "_" + i));
            }
        }
    }

    @Test
    void updateIsAtomicAcrossVirtualThreads() {
        RObject counter = RObject.of("count", 0L);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 100; t++) {
                executor.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        counter.update("count", v -> (Long) v + 1);
                    }
                });
            }
        }
        assertEquals(10_000L, counter.get("count"));
    }

    @Test
    void withBuildsAndSpreads() {
        RObject base = RObject.of("a", 1L, "b", 2L);
        RObject built = new RObject().with("z", 0L).withAll(base).with("b", 3L);
        assertEquals(List.of("z", "a", "b"), built.keys());
        assertEquals(3L, built.get("b"));
        assertEquals(2L, base.get("b")); // the spread copied
        assertEquals(built, built.withAll(null));
        assertEquals(built, built.withAll(built));
        assertEquals("Type error: Cannot spread array into an object",
                assertThrows(RuchyError.class, () -> new RObject().withAll(List.of())).getMessage());
    }
}
