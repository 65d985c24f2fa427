#!/usr/bin/env bash
# Capture rate of net::PacketCapture on Linux's loopback: a Ruchy program whose handler counts the
# packets it is given (`seen.n += 1`) captures while a sender puts PACKETS (default 200,000) UDP
# datagrams of PAYLOAD bytes (default 64) on `lo` as fast as one thread can send them; tcpdump
# (`tcpdump -i lo -w /dev/null`, the same filter) captures the same datagrams at the same time. The
# script prints, per round (ROUNDS, default 3), the sender's rate and how many of the datagrams each
# of the two saw (target for the Ruchy program: >= 99%), and tcpdump's own kernel-drop count.
# Needs root (or CAP_NET_RAW) and libpcap; installs tcpdump if it is missing. Loopback only; not part
# of the test suite.
#
#   sudo bench/run-capture-bench.sh
#   PACKETS=500000 PAYLOAD=512 ROUNDS=5 sudo bench/run-capture-bench.sh
#
# How it knows the capture is live: it sends probe datagrams (3 bytes of payload) until the program
# prints `ready` (its handler saw one); then the sender runs; then marker datagrams (5 bytes) until
# the program stops (its handler calls stop() on the first). Probes and markers are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKETS=${PACKETS:-200000}
PAYLOAD=${PAYLOAD:-64}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-47999}
PROBE=3
MARKER=5

if ! command -v tcpdump >/dev/null 2>&1; then
  echo "run-capture-bench: installing tcpdump (Debian package)"
  apt-get install -y -qq tcpdump || { apt-get update -qq && apt-get install -y -qq tcpdump; }
fi

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# ------------------------------------------------------------------ the counting program (Ruchy)
cat >"$work/count.ruchy" <<'RUCHY'
// Counts the UDP datagrams of one payload size sent to one port on lo, until a marker datagram.
let args = env_args()
let port = args[0]
let payload = args[1].to_i()
let probe = args[2].to_i()
let marker = args[3].to_i()

let capture = net::PacketCapture::new("lo")
capture.filter(f"udp dst port {port}")
let seen = {n: 0, ready: false}
capture.on_packet(|p| {
    if p.payload_len == payload {
        seen.n += 1
    } else if p.payload_len == marker {
        capture.stop()
    } else if p.payload_len == probe && !seen.ready {
        seen.ready = true
        println("ready")
    }
})
capture.start()
println(f"seen {seen.n}")
RUCHY

# ------------------------------------------------------------------ the sender (Java, one thread)
cat >"$work/Send.java" <<'JAVA'
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

public class Send {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int packets = Integer.parseInt(args[1]);
        int payload = Integer.parseInt(args[2]);
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
        // a socket on the port, never read: the datagrams are delivered (and dropped when its
        // buffer is full) instead of answered with ICMP port unreachable
        try (DatagramChannel sink = DatagramChannel.open().bind(to);
                DatagramChannel out = DatagramChannel.open().connect(to)) {
            ByteBuffer data = ByteBuffer.allocateDirect(payload);
            long t0 = System.nanoTime();
            for (int i = 0; i < packets; i++) {
                data.clear();
                out.write(data);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%.3f %d%n", s, Math.round(packets / s));
        }
    }
}
JAVA
"$JAVA_HOME/bin/javac" -d "$work" "$work/Send.java"

udp() { printf "%${1}s" '' >"/dev/udp/127.0.0.1/$PORT" 2>/dev/null || true; }

# starts the counting program in the background (count_pid) and sends probes until it is live
start_counter() {
  bin/ruchy run "$work/count.ruchy" "$PORT" "$PAYLOAD" "$PROBE" "$MARKER" >"$work/count.out" 2>"$work/count.err" &
  count_pid=$!
  pids+=("$count_pid")
  for _ in $(seq 1 1200); do
    grep -q '^ready$' "$work/count.out" && return 0
    if ! kill -0 "$count_pid" 2>/dev/null; then cat "$work/count.err"; exit 1; fi
    udp "$PROBE"
    sleep 0.1
  done
  echo "the counting program did not see a probe within 120 s"; exit 1
}
# sends markers until the counting program has stopped
stop_counter() {
  for _ in $(seq 1 600); do
    kill -0 "$count_pid" 2>/dev/null || break
    udp "$MARKER"
    sleep 0.1
  done
  wait "$count_pid" || { cat "$work/count.err"; exit 1; }
}

start_counter # the first run compiles and caches the program
stop_counter

percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", 100 * a / b }'; }

for round in $(seq 1 "$ROUNDS"); do
  tcpdump -i lo -n -w /dev/null "udp dst port $PORT and udp[4:2] = $((PAYLOAD + 8))" 2>"$work/tcpdump.err" &
  tcpdump_pid=$!
  pids+=("$tcpdump_pid")
  for _ in $(seq 1 200); do grep -q 'listening on' "$work/tcpdump.err" && break; sleep 0.1; done
  start_counter
  read -r seconds rate < <("$JAVA_HOME/bin/java" -cp "$work" Send "$PORT" "$PACKETS" "$PAYLOAD")
  stop_counter
  sleep 0.5
  kill -INT "$tcpdump_pid"
  wait "$tcpdump_pid" || true
  seen=$(sed -n 's/^seen //p' "$work/count.out")
  dumped=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured.*/\1/p' "$work/tcpdump.err")
  dropped=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel.*/\1/p' "$work/tcpdump.err")
  echo "round $round: sent $PACKETS datagrams of $PAYLOAD bytes in ${seconds} s (${rate}/s);" \
    "Ruchy handler saw $seen ($(percent "$seen" "$PACKETS")%);" \
    "tcpdump -w /dev/null captured $dumped ($(percent "$dumped" "$PACKETS")%), kernel dropped $dropped"
done
