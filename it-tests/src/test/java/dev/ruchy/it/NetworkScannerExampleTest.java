package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's port scanner ({@code examples/src/main/ruchy/dev/ruchy/examples/07_network_scanner.ruchy}),
 * run unchanged with its answers on standard input, once for each scan type: {@code custom} over
 * 127.0.0.1's whole ephemeral port range (32768–60999, where the kernel picks local ports, so where a
 * connection can reach itself), {@code quick} (the seed's nine well-known ports) and {@code full}
 * (1–65534), each with listeners this test opened among the scanned ports. The report must list
 * exactly the open ports, with their services named: the test's, plus those other processes on the
 * machine listened on throughout the scan (read from {@code /proc/net/tcp*} before and after), and
 * nothing that did not listen at some point during it (the tables read every 20 ms), sorted. The full range against nmap is in {@code bench/run-scan-bench.sh}.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NetworkScannerExampleTest {
    private static final int FIRST = 32768;
    private static final int END = 61000; // exclusive, as the seed's range()
    private static final int LISTENERS = 12;
    private static final Pattern REPORT_LINE = Pattern.compile("^\\s*(\\d+) - (.+)$");
    /** The seed's `quick` ports and the names its identify_service gives them. */
    private static final Map<Integer, String> QUICK = Map.of(21, "FTP", 22, "SSH", 23, "Telnet", 25, "SMTP",
            80, "HTTP", 443, "HTTPS", 3306, "MySQL", 5432, "PostgreSQL", 8080, "HTTP-Alt");

    @TempDir
    Path dir;

    @Test
    void aCustomScanOfTheEphemeralRangeFindsExactlyTheOpenPorts() throws Exception {
        scan("custom\n" + FIRST + "-" + END + "\n", range(FIRST, END), LISTENERS);
    }

    @Test
    void aQuickScanFindsTheWellKnownPortsThatAreOpenAndNamesTheirServices() throws Exception {
        // every one of the nine that is free gets a listener (ports under 1024 need root, which CI has)
        scan("quick\n", new TreeSet<>(QUICK.keySet()), QUICK.size());
    }

    @Test
    void aFullScanFindsExactlyTheOpenPorts() throws Exception {
        scan("full\n", range(1, 65535), LISTENERS);
    }

    private static TreeSet<Integer> range(int first, int end) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (int p = first; p < end; p++) {
            ports.add(p);
        }
        return ports;
    }

    /**
     * Opens up to {@code wanted} listeners on free ports of {@code scope} (at random, or all of a small
     * scope), runs the scanner with {@code answers} after the host, and checks its report.
     */
    private void scan(String answers, TreeSet<Integer> scope, int wanted) throws Exception {
        List<ServerSocket> listeners = new ArrayList<>();
        TreeSet<Integer> ours = new TreeSet<>();
        SplittableRandom random = new SplittableRandom();
        List<Integer> candidates = new ArrayList<>(scope);
        try {
            for (int tries = 0; listeners.size() < wanted && tries < 10 * wanted && !candidates.isEmpty(); tries++) {
                int port = scope.size() <= wanted ? candidates.remove(0) : candidates.get(random.nextInt(candidates.size()));
                try {
                    ServerSocket s = new ServerSocket();
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                    listeners.add(s);
                    ours.add(port);
                } catch (IOException inUse) {
                    // taken, or privileged: pick another
                }
            }
            // with none free (another build holding the quick ports), the scan must still find the holders
            TreeSet<Integer> before = within(listening(), scope);
            // other processes on the machine open and close listeners while the scan runs: every one
            // seen during it may be reported, not only those listening before or after
            Set<Integer> during = ConcurrentHashMap.newKeySet();
            AtomicBoolean scanning = new AtomicBoolean(true);
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (scanning.get()) {
                    try {
                        during.addAll(within(listening(), scope));
                        Thread.sleep(20);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            try (RuchyProcess scan = RuchyProcess.start(List.of(), "127.0.0.1\n" + answers,
                    RuchyProcess.example("07_network_scanner.ruchy"), dir, Map.of())) {
                assertEquals(0, scan.awaitExit(RuchyProcess.seconds(150)), scan.err());
                long ms = (System.nanoTime() - start) / 1_000_000;
                scanning.set(false);
                watcher.join();
                TreeSet<Integer> after = within(listening(), scope);

                String out = scan.out();
                assertTrue(out.contains("Scanning " + scope.size() + " ports on 127.0.0.1..."), out);
                List<Integer> reported = report(out);
                assertEquals(new ArrayList<>(new TreeSet<>(reported)), reported, "sorted by port, each once");
                TreeSet<Integer> required = new TreeSet<>(ours);
                TreeSet<Integer> steady = new TreeSet<>(before);
                steady.retainAll(after);
                required.addAll(steady);
                TreeSet<Integer> allowed = new TreeSet<>(ours);
                allowed.addAll(before);
                allowed.addAll(after);
                allowed.addAll(during);
                TreeSet<Integer> got = new TreeSet<>(reported);
                assertTrue(got.containsAll(required), "missing open ports: " + minus(required, got) + "\n" + out);
                assertTrue(allowed.containsAll(got), "ports reported open that nothing listened on: " + minus(got, allowed));
                assertTrue(out.contains("Found " + reported.size() + " open ports"), out);
                for (int port : reported) {
                    String line = String.format("%5d - %s", port, QUICK.getOrDefault(port, "Unknown"));
                    assertTrue(out.contains(line), "'" + line + "' in\n" + out);
                }
                System.out.println("network scanner: " + scope.size() + " ports in " + ms + " ms (process included), "
                        + reported.size() + " open, " + ours.size() + " of them the test's");
            }
        } finally {
            for (ServerSocket s : listeners) {
                s.close();
            }
        }
    }

    /** The ports of the report after {@code === Open Services ===}, in its order. */
    private static List<Integer> report(String out) {
        List<Integer> ports = new ArrayList<>();
        int at = out.indexOf("=== Open Services ===");
        if (at < 0) {
            return ports;
        }
        for (String line : out.substring(at).lines().skip(1).toList()) {
            Matcher m = REPORT_LINE.matcher(line);
            if (m.matches()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    /** TCP ports in LISTEN state on this machine (any address), from /proc/net/tcp and tcp6. */
    private static TreeSet<Integer> listening() throws IOException {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            // one read: the table changes between two reads while other builds open and close ports
            List<String> rows = Files.readAllLines(file);
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && "0A".equals(f[3])) {
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static TreeSet<Integer> within(TreeSet<Integer> ports, TreeSet<Integer> scope) {
        TreeSet<Integer> in = new TreeSet<>(ports);
        in.retainAll(scope);
        return in;
    }

    private static TreeSet<Integer> minus(TreeSet<Integer> a, TreeSet<Integer> b) {
        TreeSet<Integer> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
