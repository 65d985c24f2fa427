package dev.ruchy.runtime.db;

import com.zaxxer.hikari.pool.HikariPool;
import dev.ruchy.runtime.RuchyError;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@code postgres://USER:PASSWORD@HOST:PORT/NAME?PARAM=VALUE&...} URL (or {@code postgresql://},
 * as libpq spells them): user, password and name percent-decoded, the port 5432 and the name the
 * user's when left out, each query parameter a property of the PostgreSQL JDBC driver
 * ({@code sslmode=require}, {@code connectTimeout=5}, ...).
 *
 * @param user       the user, or null for the driver's default (the operating-system user)
 * @param password   the password, or null
 * @param host       the host name or address ({@code [::1]} for IPv6)
 * @param port       the TCP port
 * @param name       the database name
 * @param parameters the query parameters, in order
 */
record PostgresUrl(String user, String password, String host, int port, String name, Map<String, String> parameters) {
    /** The port a URL without one means. */
    static final int DEFAULT_PORT = 5432;

    /**
     * Parses what follows the scheme's colon ({@code //user:secret@localhost:5432/app}).
     *
     * @throws RuchyError {@code Runtime error: db::connect(): ...} for a URL that is not of that form
     *                    or names a parameter the driver does not have; the message never holds the
     *                    password
     */
    static PostgresUrl parse(String target) {
        if (!target.startsWith("//")) {
            throw malformed("it must start with postgres://");
        }
        URI uri;
        try {
            uri = new URI("postgres:" + target);
        } catch (URISyntaxException e) {
            throw malformed("it is not a valid URL (a character such as @ : / ? # in the password must be percent-encoded: %40 for @)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw malformed("it names no host (postgres://USER:PASSWORD@HOST:PORT/NAME)");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String name = decode(path.startsWith("/") ? path.substring(1) : path);
        if (name.isEmpty()) {
            name = user != null ? user : System.getProperty("user.name", "postgres");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (PGProperty.forName(key) == null) {
                    throw malformed("unknown parameter " + Schema.shown(key)
                            + " (parameters are the PostgreSQL JDBC driver's: sslmode, connectTimeout, ...)");
                }
                parameters.put(key, value);
            }
        }
        return new PostgresUrl(user, password, host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), name, parameters);
    }

    /** The URL as messages show it: without the password and the parameters. */
    String shown() {
        return "postgres://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + name;
    }

    /**
     * A pooled database on this URL; the first connection is made at once, so a server that is not
     * there, a wrong password or a missing database fails here.
     *
     * @throws RuchyError {@code Runtime error: db::connect(): cannot connect to postgres://app@localhost:5432/app:
     *                    connection refused ...}, {@code ...: authentication failed for user 'app' ...},
     *                    {@code ...: database 'app' does not exist}, or the driver's message
     */
    SqlDatabase open() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {host});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(name);
        if (user != null) {
            source.setUser(user);
        }
        if (password != null) {
            source.setPassword(password);
        }
        source.setApplicationName("ruchy");
        // a string parameter is typed by the server from where it is used, so "2024-01-02T03:04:05Z"
        // goes into a timestamp column and "{...}" into a jsonb one, as a literal would
        source.setStringType("unspecified");
        try {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                source.setProperty(p.getKey(), p.getValue());
            }
            // PostgreSQL serves concurrent writers itself: the write gate never blocks
            PooledSource pool = new PooledSource("ruchy-postgres", source, new ReentrantReadWriteLock().readLock());
            return new SqlDatabase(shown(), pool, true);
        } catch (SQLException e) {
            throw cannot(e);
        } catch (HikariPool.PoolInitializationException e) {
            throw cannot(e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e));
        }
    }

    private RuchyError cannot(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = switch (state) {
            case "08001", "08004", "08006" -> connectionFailed(e);
            case "28P01", "28000" -> "authentication failed for user " + Schema.shown(user == null ? "" : user)
                    + " (wrong password, no such user, or the server's pg_hba.conf refuses it): " + e.getMessage();
            case "3D000" -> "database " + Schema.shown(name) + " does not exist (create it: createdb "
                    + name + ")";
            default -> e.getMessage();
        };
        return RuchyError.runtime("db::connect(): cannot connect to " + shown() + ": " + why);
    }

    private String connectionFailed(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("refused")) {
            return "connection refused (is a PostgreSQL server running and listening on " + host + ":" + port + "?)";
        }
        if (e.getCause() instanceof java.net.UnknownHostException) {
            return "unknown host " + Schema.shown(host);
        }
        return message;
    }

    private static RuchyError malformed(String why) {
        return RuchyError.runtime("db::connect(): malformed postgres URL: " + why);
    }

    /** Percent-decoding as URLs mean it ({@code +} stays a plus). */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = raw.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
