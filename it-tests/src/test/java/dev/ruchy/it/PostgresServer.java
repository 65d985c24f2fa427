package dev.ruchy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests: the binaries of an installed PostgreSQL ({@code initdb},
 * {@code pg_ctl}), a new cluster in a temporary folder, started on a free loopback port with TCP only,
 * password authentication for the superuser {@value #USER}, fsync off; stopped and removed when the
 * test JVM ends. One server serves every test class of the run; each takes its own database
 * ({@link #createDatabase}).
 *
 * <p>The binaries are found in the folder {@code PG_BIN} names (only there, when it is set), else the newest
 * {@code /usr/lib/postgresql/N/bin} (Debian, Ubuntu), else {@code /usr/local/opt/postgresql/bin},
 * {@code /opt/homebrew/opt/postgresql/bin}, else {@code PATH}. When none is found the tests fail
 * with how to install them.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as in CI) the server runs as
 * the operating-system user {@code postgres} (which Debian's package creates), else {@code nobody},
 * through {@code runuser}; the temporary folder is handed to that user.
 */
final class PostgresServer {
    /** The superuser the tests connect as. */
    static final String USER = "ruchy";
    /** Its password, with characters that a URL must percent-encode. */
    static final String PASSWORD = "s3cret:@/pw";
    /** {@link #PASSWORD} as a URL carries it. */
    static final String PASSWORD_IN_URL = "s3cret%3A%40%2Fpw";

    private static PostgresServer running;

    private final Path dir;
    private final Path bin;
    private final List<String> asUser;
    private final int port;

    private PostgresServer(Path dir, Path bin, List<String> asUser, int port) {
        this.dir = dir;
        this.bin = bin;
        this.asUser = asUser;
        this.port = port;
    }

    /**
     * The run's server, started on first use.
     *
     * @throws AssertionError when the PostgreSQL binaries are not installed, or the server does not start
     */
    static synchronized PostgresServer get() {
        if (running == null) {
            running = start();
            PostgresServer server = running;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
        }
        return running;
    }

    int port() {
        return port;
    }

    /** A {@code postgres://} URL for database {@code name} of this server, with the password. */
    String url(String name) {
        return "postgres://" + USER + ":" + PASSWORD_IN_URL + "@127.0.0.1:" + port + "/" + name;
    }

    /** Creates database {@code name} (dropping one of that name first) and gives its URL. */
    String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new AssertionError("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private static PostgresServer start() {
        Path bin = binaries();
        List<String> asUser = runAs();
        try {
            Path dir = Files.createTempDirectory("ruchy-pg");
            Path pwfile = dir.resolve("pw");
            Files.writeString(pwfile, PASSWORD + "\n");
            if (!asUser.isEmpty()) {
                handOver(dir, asUser.get(2));
            }
            int port = RuchyProcess.freePort();
            PostgresServer server = new PostgresServer(dir, bin, asUser, port);
            server.run(120, "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
            server.run(120, "pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "90", "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
                    "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server at once and removes its folder. */
    void stop() {
        try {
            run(60, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (AssertionError e) {
            System.err.println(e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary folder stays behind
        }
    }

    private void run(int seconds, String tool, String... args) {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("ruchy-pg-" + tool, ".log");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(tool + " did not finish in " + seconds + " s: " + Files.readString(log) + serverLog());
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                            + Files.readString(log) + serverLog());
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    /** The folder of initdb and pg_ctl. */
    static Path binaries() {
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            Path given = Path.of(env);
            if (Files.isExecutable(given.resolve("initdb")) && Files.isExecutable(given.resolve("pg_ctl"))) {
                return given;
            }
            throw new AssertionError("PG_BIN=" + env + " holds no initdb and pg_ctl: set it to the bin folder of a "
                    + "PostgreSQL server installation (Debian, Ubuntu: /usr/lib/postgresql/N/bin after `apt-get install postgresql`)");
        }
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString())).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.add(Path.of("/usr/local/opt/postgresql/bin"));
        candidates.add(Path.of("/opt/homebrew/opt/postgresql/bin"));
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isEmpty()) {
                candidates.add(Path.of(p));
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        throw new AssertionError("The PostgreSQL tests need a PostgreSQL server installed (its initdb and pg_ctl), "
                + "and none was found in PG_BIN, /usr/lib/postgresql/*/bin or PATH. Install it: "
                + "`apt-get install postgresql` (Debian, Ubuntu), `dnf install postgresql-server` (Fedora), "
                + "`brew install postgresql` (macOS); or set PG_BIN to the folder holding initdb and pg_ctl.");
    }

    /** The command prefix that runs a tool as an unprivileged user when this JVM is root; empty otherwise. */
    private static List<String> runAs() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = userExists("postgres") ? "postgres" : "nobody";
        return List.of("runuser", "-u", user, "--");
    }

    private static boolean userExists(String name) {
        try {
            Process p = new ProcessBuilder("id", "-u", name).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void handOver(Path dir, String user) throws IOException {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setOwner(p, owner);
            }
        }
    }
}
