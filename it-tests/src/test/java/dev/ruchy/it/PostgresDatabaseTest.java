package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code db::connect} on a real PostgreSQL server ({@link PostgresServer}), through the paths and
 * methods Ruchy code calls: URL forms, type mapping, name case rules, transactions, concurrent
 * inserts, and the errors of a wrong password, a missing database and a closed port.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDatabaseTest {
    private PostgresServer server;
    private String url;
    private Object db;

    @BeforeAll
    void connect() {
        server = PostgresServer.get();
        url = server.createDatabase("runtime");
        db = Ops.callPath("db::connect", url);
    }

    @AfterAll
    void close() {
        if (db != null) {
            call("close");
        }
    }

    @BeforeEach
    void schema() {
        call("execute", "DROP TABLE IF EXISTS posts, \"Mixed\", kinds");
        call("execute", "CREATE TABLE posts (id SERIAL PRIMARY KEY, title TEXT NOT NULL, score REAL, views INTEGER, note VARCHAR(20))");
    }

    private Object call(String method, Object... args) {
        return Ops.invoke(db, method, args);
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static RObject post(String title) {
        RObject o = new RObject();
        o.set("title", title);
        o.set("score", 2.5);
        o.set("views", 7L);
        o.set("note", null);
        return o;
    }

    @Test
    void insertFindCountUpdateDelete() {
        assertEquals(1L, call("insert", "posts", post("a")));
        assertEquals(2L, call("insert", "posts", post("b")));
        assertEquals(2L, call("count", "posts"));
        RObject row = (RObject) call("find", "posts", 1L);
        assertEquals(1L, row.get("id"));
        assertEquals("a", row.get("title"));
        assertEquals(2.5, row.get("score"));
        assertEquals(7L, row.get("views"));
        assertTrue(row.has("note"));
        assertNull(row.get("note"));
        assertEquals("b", ((RObject) call("find", "posts", "2")).get("title"), "a route parameter's string id");
        assertNull(call("find", "posts", 99L));
        assertNull(call("find", "posts", "abc"));
        RObject change = new RObject();
        change.set("title", "A!");
        assertEquals(1L, call("update", "posts", "1", change));
        assertEquals("A!", ((RObject) call("find", "posts", 1L)).get("title"));
        assertEquals(0L, call("update", "posts", 42L, change));
        assertEquals(1L, call("delete", "posts", 1L));
        assertEquals(0L, call("delete", "posts", 1L));
        assertEquals(1L, call("count", "posts"));
        @SuppressWarnings("unchecked")
        List<Object> rows = (List<Object>) call("query", "SELECT title FROM posts WHERE id > ? AND title <> ? LIMIT ?",
                list(0L, "x' OR '1'='1", 10L));
        assertEquals(1, rows.size());
        assertEquals(1L, call("execute", "UPDATE posts SET views = views + ? WHERE title = ?", list(1L, "b")));
    }

    @Test
    void typesMapToRuchyValues() {
        call("execute", "CREATE TABLE kinds (id BIGSERIAL PRIMARY KEY, i INTEGER, b BIGINT, s SMALLINT, r REAL, d DOUBLE PRECISION, "
                + "n NUMERIC(10,2), whole NUMERIC, t TEXT, v VARCHAR(10), ok BOOLEAN, at TIMESTAMP, atz TIMESTAMPTZ, day DATE, "
                + "doc JSONB, nothing TEXT)");
        RObject values = new RObject();
        values.set("i", 1L);
        values.set("b", 9_000_000_000L);
        values.set("s", 3L);
        values.set("r", 1.5);
        values.set("d", 0.1);
        values.set("n", 12.34);
        values.set("whole", 42L);
        values.set("t", "text");
        values.set("v", "chars");
        values.set("ok", true);
        values.set("at", "2024-01-02T03:04:05");
        values.set("atz", "2024-01-02T03:04:05Z");
        values.set("day", "2024-01-02");
        RObject doc = new RObject();
        doc.set("k", 1L);
        values.set("doc", doc);
        values.set("nothing", null);
        assertEquals(1L, call("insert", "kinds", values));
        RObject row = (RObject) call("find", "kinds", 1L);
        assertEquals(1L, row.get("i"));
        assertEquals(9_000_000_000L, row.get("b"));
        assertEquals(3L, row.get("s"));
        assertEquals(1.5, row.get("r"));
        assertEquals(0.1, row.get("d"));
        assertEquals(12.34, row.get("n"), "numeric with a scale: a float");
        assertEquals(42L, row.get("whole"), "numeric without fractional digits: an integer");
        assertEquals("text", row.get("t"));
        assertEquals("chars", row.get("v"));
        assertEquals(Boolean.TRUE, row.get("ok"));
        assertEquals("2024-01-02T03:04:05", row.get("at"));
        assertEquals("2024-01-02T03:04:05Z", row.get("atz"));
        assertEquals("2024-01-02", row.get("day"));
        assertEquals("{\"k\": 1}", row.get("doc"));
        assertTrue(row.has("nothing"));
        assertNull(row.get("nothing"));
        RObject count = (RObject) ((List<?>) call("query", "SELECT COUNT(*) AS n FROM kinds WHERE ok = ?", list(true))).get(0);
        assertEquals(1L, count.get("n"));
    }

    @Test
    void namesFollowPostgresCaseRules() {
        call("execute", "CREATE TABLE Authors (Id SERIAL PRIMARY KEY, FullName TEXT)"); // folded: authors(id, fullname)
        call("execute", "CREATE TABLE \"Mixed\" (\"Id\" SERIAL PRIMARY KEY, \"FullName\" TEXT, fullname TEXT)");
        try {
            RObject a = new RObject();
            a.set("FullName", "Ada");
            assertEquals(1L, call("insert", "Authors", a), "unquoted names were folded: any case finds them");
            assertEquals("Ada", ((RObject) call("find", "authors", 1L)).get("fullname"));
            RObject m = new RObject();
            m.set("FullName", "exact");
            m.set("fullname", "lower");
            assertEquals(1L, call("insert", "mixed", m), "the only table equal ignoring case");
            RObject row = (RObject) call("find", "Mixed", 1L);
            assertEquals("exact", row.get("FullName"));
            assertEquals("lower", row.get("fullname"));
            RObject ambiguous = new RObject();
            ambiguous.set("FULLNAME", "?");
            RuchyError e = assertThrows(RuchyError.class, () -> call("insert", "Mixed", ambiguous));
            assertEquals("Runtime error: Unknown column 'FULLNAME' in table 'Mixed'", e.getMessage());
        } finally {
            call("execute", "DROP TABLE Authors");
        }
    }

    @Test
    void unknownTablesAndColumnsAreNamedErrorsNotSql() {
        RuchyError table = assertThrows(RuchyError.class, () -> call("count", "posts; DROP TABLE posts"));
        assertEquals("Runtime error: Unknown table 'posts...' (not an identifier)", table.getMessage());
        RObject evil = post("t");
        evil.set("title\") VALUES ('x'); DROP TABLE posts; --", 1L);
        RuchyError column = assertThrows(RuchyError.class, () -> call("insert", "posts", evil));
        assertEquals("Runtime error: Unknown column 'title...' (not an identifier) in table 'posts'",
                column.getMessage());
        RObject other = new RObject();
        other.set("color", "red");
        RuchyError update = assertThrows(RuchyError.class, () -> call("update", "posts", 1L, other));
        assertEquals("Runtime error: Unknown column 'color' in table 'posts'", update.getMessage());
        assertEquals(0L, call("count", "posts"), "nothing was inserted and the table is still there");
        RuchyError sql = assertThrows(RuchyError.class, () -> call("query", "SELECT nope FROM posts"));
        assertTrue(sql.getMessage().startsWith("Runtime error: Database error: ERROR: column \"nope\" does not exist"),
                sql.getMessage());
    }

    /** Table names as a caller could pass them: SQL after, around or instead of a real name. */
    private static final List<String> HOSTILE_TABLES = List.of(
            "posts; DROP TABLE posts",
            "posts\"; DROP TABLE posts; --",
            "posts WHERE 1=1",
            "posts --",
            "(SELECT * FROM posts)",
            "posts\u0000",
            "\"posts\"",
            "posts UNION SELECT 1, 2, 3, 4, 5",
            "posts, posts p2",
            "public.posts");

    @Test
    void hostileTableNamesAreUnknownTablesAndRunNoSql() {
        assertEquals(1L, call("insert", "posts", post("kept")));
        for (String table : HOSTILE_TABLES) {
            List<Runnable> calls = List.of(
                    () -> call("count", table),
                    () -> call("find", table, 1L),
                    () -> call("insert", table, post("x")),
                    () -> call("update", table, 1L, post("x")),
                    () -> call("delete", table, 1L));
            for (Runnable each : calls) {
                RuchyError e = assertThrows(RuchyError.class, each::run, table);
                assertTrue(e.getMessage().matches("Runtime error: Unknown table '(posts|public)?\\.\\.\\.' \\(not an identifier\\)"),
                        e.getMessage());
            }
        }
        assertEquals(1L, call("count", "posts"), "no row added or removed, and the table is still there");
        assertEquals("kept", ((RObject) call("find", "posts", 1L)).get("title"));
    }


    @Test
    void integerColumnsTakeDigitStringsAndRefuseOtherStringsWithoutRepeatingThem() {
        RObject digits = post("a");
        digits.set("views", "12");
        assertEquals(1L, call("insert", "posts", digits));
        assertEquals(12L, ((RObject) call("find", "posts", 1L)).get("views"));
        RObject evil = new RObject();
        evil.set("views", "1 OR 1=1");
        RuchyError update = assertThrows(RuchyError.class, () -> call("update", "posts", 1L, evil));
        assertEquals("Type error: update(): column 'views' of table 'posts' holds integers, got a string that is not one",
                update.getMessage());
        RObject dropped = post("b");
        dropped.set("views", "7; DROP TABLE posts");
        RuchyError insert = assertThrows(RuchyError.class, () -> call("insert", "posts", dropped));
        assertEquals("Type error: insert(): column 'views' of table 'posts' holds integers, got a string that is not one",
                insert.getMessage());
        assertEquals(1L, call("count", "posts"));
        assertEquals(12L, ((RObject) call("find", "posts", 1L)).get("views"));
    }

    @Test
    void transactionsCommitOrRollBackOnThrow() {
        Fn1 commit = tx -> {
            Ops.invoke(tx, "insert", "posts", post("in"));
            Ops.invoke(tx, "insert", "posts", post("in2"));
            return "done";
        };
        assertEquals("done", call("transaction", commit));
        assertEquals(2L, call("count", "posts"));
        Fn1 fail = tx -> {
            Ops.invoke(tx, "insert", "posts", post("lost"));
            assertEquals(3L, Ops.invoke(tx, "count", "posts"), "the transaction sees its own row");
            throw RuchyError.runtime("boom");
        };
        RuchyError e = assertThrows(RuchyError.class, () -> call("transaction", fail));
        assertEquals("Runtime error: boom", e.getMessage());
        assertEquals(2L, call("count", "posts"), "rolled back");
        Fn1 nested = tx -> {
            Ops.invoke(tx, "insert", "posts", post("outer"));
            assertThrows(RuchyError.class, () -> Ops.invoke(tx, "transaction", (Fn1) inner -> {
                Ops.invoke(inner, "insert", "posts", post("inner"));
                throw RuchyError.runtime("inner fails");
            }));
            return null;
        };
        call("transaction", nested);
        assertEquals(3L, call("count", "posts"), "the savepoint undid only the inner insert");
    }

    @Test
    void concurrentInsertsAndTransactionsAllLand() throws Exception {
        int threads = 32;
        int each = 25;
        Set<Object> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        ids.add(call("insert", "posts", post("t" + thread + "-" + i)));
                        call("count", "posts");
                    }
                    call("transaction", (Fn1) tx -> Ops.invoke(tx, "execute",
                            "UPDATE posts SET views = views + 1 WHERE title LIKE ?", list("t" + thread + "-%")));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals((long) threads * each, call("count", "posts"));
        assertEquals(threads * each, new HashSet<>(ids).size(), "every insert got its own id");
        RObject sum = (RObject) ((List<?>) call("query", "SELECT SUM(views) AS total FROM posts")).get(0);
        assertEquals((long) threads * each * 8, sum.get("total"));
    }

    @Test
    void urlFormsAndConnectionErrors() {
        String base = "127.0.0.1:" + server.port();
        Object other = Ops.callPath("db::connect", "postgresql://" + PostgresServer.USER + ":"
                + PostgresServer.PASSWORD_IN_URL + "@" + base + "/runtime?sslmode=disable&connectTimeout=5");
        assertEquals(List.of("posts"), Ops.invoke(other, "tables"));
        Ops.invoke(other, "close");

        RuchyError auth = assertThrows(RuchyError.class,
                () -> Ops.callPath("db::connect", "postgres://" + PostgresServer.USER + ":wrong-pw@" + base + "/runtime"));
        assertTrue(auth.getMessage().startsWith("Runtime error: db::connect(): cannot connect to postgres://ruchy@"
                + base + "/runtime: authentication failed for user 'ruchy'"), auth.getMessage());
        assertFalse(auth.getMessage().contains("wrong-pw"), auth.getMessage());

        RuchyError missing = assertThrows(RuchyError.class, () -> Ops.callPath("db::connect", server.url("no_such_db")));
        assertEquals("Runtime error: db::connect(): cannot connect to postgres://ruchy@" + base
                + "/no_such_db: database 'no_such_db' does not exist (create it: createdb no_such_db)", missing.getMessage());
        assertFalse(missing.getMessage().contains(PostgresServer.PASSWORD_IN_URL), missing.getMessage());
    }
}
