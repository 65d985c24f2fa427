package dev.ruchy.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On JDK 21 a virtual thread that blocks inside {@code synchronized} pins its carrier thread (JDK 24
 * and later no longer do), so the networking code guards state that is held across blocking I/O
 * (reading a request body, writing a response, a listener that sends) with {@code ReentrantLock}s.
 * Only the files below may use {@code synchronized}, each for work that never blocks; a new use
 * elsewhere must either be added here with its reason or be a lock.
 */
class NoMonitorsOnBlockingPathsTest {
    /** File (relative to the net package) → why its monitor never guards blocking work. */
    private static final Map<String, String> ALLOWED = Map.of(
            "ws/SerialExecutor.java", "adds to and polls an in-memory queue; the tasks run outside it",
            "http/IdleConnections.java", "starts the sweeper thread once",
            "HelidonLogging.java", "sets logging levels once",
            "http/WebClientRequest.java", "a request builder's fields; send() does its I/O outside the monitor");

    @Test
    void onlyNonBlockingCodeUsesSynchronized() throws IOException {
        Path net = Path.of("src/main/java/dev/ruchy/runtime/net");
        Map<String, Long> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(net)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                long uses = Files.readAllLines(f).stream()
                        .map(String::trim)
                        .filter(l -> !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("/*"))
                        .filter(l -> l.matches(".*\\bsynchronized\\b.*"))
                        .count();
                if (uses > 0) {
                    found.put(net.relativize(f).toString().replace('\\', '/'), uses);
                }
            }
        }
        assertEquals(new TreeMap<>(ALLOWED).keySet(), found.keySet(), "files using synchronized: " + found);
    }
}
