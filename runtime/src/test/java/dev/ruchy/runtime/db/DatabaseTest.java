package dev.ruchy.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db::connect and the database methods as Ruchy code reaches them: by path and by reflection ({@link Ops#invoke}). */
class DatabaseTest {
    private Object db;

    @BeforeEach
    void open() {
        db = Ops.callPath("db::connect", "sqlite::memory:");
        call("execute", "CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
                + "score REAL, views INTEGER, note TEXT)");
    }

    @AfterEach
    void close() {
        call("close");
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
    }

    @Test
    void queryBindsParametersAndExecuteCountsRows() {
        for (String t : List.of("x", "y", "z")) {
            call("insert", "posts", post(t));
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = (List<Object>) call("query", "SELECT title FROM posts WHERE id > ? ORDER BY id LIMIT ?", list(1L, 10L));
        assertEquals(2, rows.size());
        assertEquals("y", ((RObject) rows.get(0)).get("title"));
        assertEquals(3, ((List<?>) call("query", "SELECT * FROM posts")).size(), "params are optional");
        assertEquals(2L, call("execute", "UPDATE posts SET views = views + 1 WHERE title <> ?", list("x")));
        String evil = "x' OR '1'='1";
        assertEquals(0, ((List<?>) call("query", "SELECT * FROM posts WHERE title = ?", list(evil))).size());
        assertEquals(List.of("posts"), call("tables"));
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
        other.set("author", "me");
        assertThrows(RuchyError.class, () -> call("update", "posts", 1L, other));
        assertEquals(0L, call("count", "posts"), "nothing was inserted and the table is still there");
        assertThrows(RuchyError.class, () -> call("find", "nope", 1L));
    }

    @Test
    void aTableCreatedLaterIsFound() {
        call("count", "posts"); // the schema is read
        call("execute", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)");
        RObject tag = new RObject();
        tag.set("name", "x");
        assertEquals(1L, call("insert", "tags", tag));
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
    void transactionsCommitOrRollBack() {
        Fn1 commit = tx -> {
            Ops.invoke(tx, "insert", "posts", post("in"));
            Ops.invoke(tx, "insert", "posts", post("in2"));
            return "done";
        };
        assertEquals("done", call("transaction", commit));
        assertEquals(2L, call("count", "posts"));
        Fn1 fail = tx -> {
            Ops.invoke(tx, "insert", "posts", post("lost"));
            throw RuchyError.runtime("boom");
        };
        RuchyError e = assertThrows(RuchyError.class, () -> call("transaction", fail));
        assertEquals("Runtime error: boom", e.getMessage());
        assertEquals(2L, call("count", "posts"), "rolled back");
        Object[] kept = new Object[1];
        call("transaction", (Fn1) tx -> kept[0] = tx);
        RuchyError ended = assertThrows(RuchyError.class, () -> Ops.invoke(kept[0], "count", "posts"));
        assertTrue(ended.getMessage().contains("transaction has ended"), ended.getMessage());
    }

    @Test
    void otherUrlsAreClearErrors() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        RuchyError pg = assertThrows(RuchyError.class,
                () -> Ops.callPath("db::connect", "postgres://u:se%40cret@127.0.0.1:" + closed + "/app?sslmode=disable"));
        assertEquals("Runtime error: db::connect(): cannot connect to postgres://u@127.0.0.1:" + closed + "/app: connection refused "
                + "(is a PostgreSQL server running and listening on 127.0.0.1:" + closed + "?)", pg.getMessage());
        RuchyError param = assertThrows(RuchyError.class, () -> Ops.callPath("db::connect", "postgresql://u:secret@localhost/app?colour=red"));
        assertEquals("Runtime error: db::connect(): malformed postgres URL: unknown parameter 'colour' (parameters are the "
                + "PostgreSQL JDBC driver's: sslmode, connectTimeout, ...)", param.getMessage());
        RuchyError noHost = assertThrows(RuchyError.class, () -> Ops.callPath("db::connect", "postgres:app"));
        assertTrue(noHost.getMessage().contains("malformed postgres URL"), noHost.getMessage());
        RuchyError other = assertThrows(RuchyError.class, () -> Ops.callPath("db::connect", "mysql://localhost/app"));
        assertTrue(other.getMessage().contains("unsupported database URL scheme 'mysql'"), other.getMessage());
        assertThrows(RuchyError.class, () -> Ops.callPath("db::connect", 3L));
        assertThrows(RuchyError.class, () -> call("query", "SELECT 1", "not an array"));
        assertThrows(RuchyError.class, () -> call("insert", "posts", "not an object"));
    }

    @Test
    void aFileDatabaseIsWalTakesConcurrentWritesAndPersists(@TempDir Path dir) throws Exception {
        String old = System.getProperty("user.dir");
        System.setProperty("user.dir", dir.toString());
        try {
            Object file = Ops.callPath("db::connect", "sqlite:data.db");
            assertTrue(Files.exists(dir.resolve("data.db")), "relative to the working directory, created");
            Ops.invoke(file, "execute", "CREATE TABLE hits (id INTEGER PRIMARY KEY, n INTEGER)");
            RObject mode = (RObject) ((List<?>) Ops.invoke(file, "query", "PRAGMA journal_mode")).get(0);
            assertEquals("wal", mode.get("journal_mode"));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    long thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            RObject hit = new RObject();
                            hit.set("n", thread);
                            Ops.invoke(file, "insert", "hits", hit);
                            Ops.invoke(file, "count", "hits");
                        }
                        Ops.invoke(file, "transaction", (Fn1) tx -> Ops.invoke(tx, "execute",
                                "UPDATE hits SET n = n + 0 WHERE n = ?", list(thread)));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            assertEquals(400L, Ops.invoke(file, "count", "hits"));
            Ops.invoke(file, "close");
            Object again = Ops.callPath("db::connect", "sqlite:" + dir.resolve("data.db"));
            assertEquals(400L, Ops.invoke(again, "count", "hits"));
            Ops.invoke(again, "close");
        } finally {
            System.setProperty("user.dir", old);
        }
    }
}
