package dev.ruchy.bench.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hand-written Helidon 4 SE + JDBC counterpart of
 * {@code examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy}, for
 * {@code bench/run-api-bench.sh}: the same routes, tokens, CORS headers, paging and JSON on the same
 * SQLite schema, opened as the Ruchy runtime opens a file (sqlite-jdbc in WAL mode with a busy
 * timeout, a HikariCP pool of 8, writes one at a time). Not a test; nothing runs it but the script.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.ruchy.bench.web.HandWrittenApiServer PORT [HOST]</pre>
 *
 * PORT defaults to 3000, HOST to 127.0.0.1; DATABASE (default {@code data.db}) names the file.
 */
public final class HandWrittenApiServer {
    /** Held, since the logging framework keeps loggers only weakly. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
    private static final Set<String> COLUMNS = Set.of("id", "title", "body", "author_id", "created_at", "updated_at");
    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "Bearer alice-token", Map.of("id", 1L, "name", "alice"),
            "Bearer bob-token", Map.of("id", 2L, "name", "bob"));

    private final DataSource db;
    private final ReentrantLock writes = new ReentrantLock(true);

    private HandWrittenApiServer(DataSource db) {
        this.db = db;
    }

    public static void main(String[] args) throws SQLException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        Path file = Path.of(System.getenv().getOrDefault("DATABASE", "data.db")).toAbsolutePath();
        HELIDON.setLevel(Level.WARNING);

        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        HikariDataSource db = new HikariDataSource(pool);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
                    + "body TEXT, author_id INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at)");
        }
        HandWrittenApiServer api = new HandWrittenApiServer(db);
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .featuresDiscoverServices(false)
                .routing(api::routing)
                .build()
                .start();
        System.out.println("🚀 API server running on http://" + host + ":" + server.port());
    }

    private void routing(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            res.header(HeaderValues.create("Access-Control-Allow-Origin", "*"));
            res.header(HeaderValues.create("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"));
            chain.proceed();
        });
        routing.get("/health", (req, res) -> res.send(Map.of("status", "ok", "posts", count())));
        routing.get("/api/posts", this::list);
        routing.get("/api/posts/{id}", (req, res) -> {
            Map<String, Object> post = find(id(req));
            if (post == null) {
                res.status(Status.NOT_FOUND_404).send(Map.of("error", "Post not found"));
            } else {
                res.send(post);
            }
        });
        routing.post("/api/posts", this::create);
        routing.put("/api/posts/{id}", this::update);
        routing.delete("/api/posts/{id}", this::delete);
        routing.error(Exception.class, (req, res, ex) -> {
            System.err.println("Error: " + ex.getMessage());
            if (!res.isSent()) {
                res.status(Status.INTERNAL_SERVER_ERROR_500)
                        .send(Map.of("error", "Internal server error", "message", String.valueOf(ex.getMessage())));
            }
        });
    }

    private void list(ServerRequest req, ServerResponse res) throws SQLException {
        long page = Math.min(Math.max(queryInt(req, "page", 1), 1), 1_000_000);
        long limit = Math.min(Math.max(queryInt(req, "limit", 10), 1), 100);
        List<Map<String, Object>> posts;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM posts ORDER BY created_at DESC LIMIT ? OFFSET ?")) {
            ps.setLong(1, limit);
            ps.setLong(2, (page - 1) * limit);
            try (ResultSet rs = ps.executeQuery()) {
                posts = rows(rs);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("posts", posts);
        body.put("page", page);
        body.put("total", count());
        res.send(body);
    }

    private void create(ServerRequest req, ServerResponse res) throws SQLException {
        Map<String, Object> user = user(req, res);
        if (user == null) {
            return;
        }
        Map<String, Object> post = checked(json(req));
        post.put("author_id", user.get("id"));
        post.put("created_at", Instant.now().toString());
        List<String> keys = new ArrayList<>(post.keySet());
        String sql = "INSERT INTO posts (" + String.join(", ", keys.stream().map(k -> '"' + k + '"').toList())
                + ") VALUES (" + String.join(", ", keys.stream().map(k -> "?").toList()) + ") RETURNING id";
        long id;
        writes.lock();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setObject(i + 1, post.get(keys.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        } finally {
            writes.unlock();
        }
        res.status(Status.CREATED_201).send(find(id));
    }

    private void update(ServerRequest req, ServerResponse res) throws SQLException {
        Map<String, Object> user = user(req, res);
        if (user == null) {
            return;
        }
        long id = id(req);
        Map<String, Object> post = find(id);
        if (post == null || !post.get("author_id").equals(user.get("id"))) {
            res.status(Status.FORBIDDEN_403).send(Map.of("error", "Forbidden"));
            return;
        }
        Map<String, Object> updates = checked(json(req));
        updates.put("updated_at", Instant.now().toString());
        List<String> keys = new ArrayList<>(updates.keySet());
        String sql = "UPDATE posts SET " + String.join(", ", keys.stream().map(k -> '"' + k + "\" = ?").toList())
                + " WHERE id = ?";
        writes.lock();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setObject(i + 1, updates.get(keys.get(i)));
            }
            ps.setLong(keys.size() + 1, id);
            ps.executeUpdate();
        } finally {
            writes.unlock();
        }
        res.send(find(id));
    }

    private void delete(ServerRequest req, ServerResponse res) throws SQLException {
        Map<String, Object> user = user(req, res);
        if (user == null) {
            return;
        }
        long id = id(req);
        Map<String, Object> post = find(id);
        if (post == null || !post.get("author_id").equals(user.get("id"))) {
            res.status(Status.FORBIDDEN_403).send(Map.of("error", "Forbidden"));
            return;
        }
        writes.lock();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM posts WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } finally {
            writes.unlock();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private Map<String, Object> find(long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM posts WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = rows(rs);
                return rows.isEmpty() ? null : rows.get(0);
            }
        }
    }

    private long count() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM posts");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> user(ServerRequest req, ServerResponse res) {
        Map<String, Object> user = USERS.get(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
        if (user == null) {
            res.status(Status.UNAUTHORIZED_401).send(Map.of("error", "Unauthorized"));
        }
        return user;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ServerRequest req) {
        return new LinkedHashMap<>(req.content().as(Map.class));
    }

    private static Map<String, Object> checked(Map<String, Object> values) {
        for (String key : values.keySet()) {
            if (!COLUMNS.contains(key)) {
                throw new IllegalArgumentException("Unknown column '" + key + "' in table 'posts'");
            }
        }
        return values;
    }

    private static long id(ServerRequest req) {
        try {
            return Long.parseLong(req.path().pathParameters().get("id").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long queryInt(ServerRequest req, String name, long fallback) {
        try {
            return req.query().first(name).map(v -> Long.parseLong(v.trim())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
