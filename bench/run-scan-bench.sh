#!/usr/bin/env bash
# The seed's port scanner (examples/src/main/ruchy/dev/ruchy/examples/07_network_scanner.ruchy, run
# by `bin/ruchy run` with the answers `127.0.0.1` and `full`) against nmap's TCP connect scan of the
# same ports (`nmap -sT -p1-65534 -n 127.0.0.1`; the seed's `range(1, 65535)` ends before 65535),
# loopback only. Not part of the test suite.
#
# The script opens LISTENERS (default 8) TCP listeners on random loopback ports (a Java program of its
# own, stopped by the PID this script started), then for ROUNDS rounds (default 3) runs the scanner
# and nmap one after the other, so that a slow minute of a shared machine hits both. It prints each
# run's wall time (the scanner's includes its JVM start; the script first runs it once so that it is
# compiled and cached; the scan time the program prints itself is shown beside it), the ratio scanner / nmap of each round and their median (target <= 1), and
# checks in each round that both found the same open set, which contains every listener it opened.
#
#   bench/run-scan-bench.sh
#   ROUNDS=5 LISTENERS=20 bench/run-scan-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
LISTENERS=${LISTENERS:-8}
PROGRAM=examples/src/main/ruchy/dev/ruchy/examples/07_network_scanner.ruchy

if ! command -v nmap >/dev/null 2>&1; then
  echo "run-scan-bench: installing nmap (Debian package)"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq nmap || { apt-get update -qq && apt-get install -y -qq nmap; }
  else
    sudo apt-get install -y -qq nmap || { sudo apt-get update -qq && sudo apt-get install -y -qq nmap; }
  fi
fi

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
work=$(mktemp -d)
listener_pid=
cleanup() {
  if [ -n "$listener_pid" ]; then kill "$listener_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---------------------------------------------------------------- listeners
cat >"$work/Listen.java" <<'JAVA'
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

public class Listen {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<ServerSocket> open = new ArrayList<>();
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ServerSocket s = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
            open.add(s);
            ports.append(s.getLocalPort()).append(i + 1 < n ? " " : "\n");
        }
        System.out.print(ports);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
JAVA
"$JAVA_HOME/bin/java" "$work/Listen.java" "$LISTENERS" >"$work/ports" &
listener_pid=$!
for _ in $(seq 1 200); do [ -s "$work/ports" ] && break; sleep 0.1; done
read -r -a ours <"$work/ports"
echo "listeners on: ${ours[*]}"

scanner_open() { sed -n '/=== Open Services ===/,$p' "$1" | grep -Eo '^ *[0-9]+ -' | tr -dc '0-9\n' | sort -n | tr '\n' ' '; }
nmap_open() { grep -Eo '^[0-9]+/tcp +open' "$1" | cut -d/ -f1 | sort -n | tr '\n' ' '; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

printf '127.0.0.1\nquick\n' | bin/ruchy run "$PROGRAM" >/dev/null # build and cache the scanner

ratios=()
for round in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N)
  printf '127.0.0.1\nfull\n' | bin/ruchy run "$PROGRAM" >"$work/scanner.out"
  t1=$(date +%s%N)
  nmap -sT -p1-65534 -n -T4 127.0.0.1 >"$work/nmap.out"
  t2=$(date +%s%N)
  s=$(seconds "$t0" "$t1")
  m=$(seconds "$t1" "$t2")
  ratio=$(awk -v s="$s" -v m="$m" 'BEGIN { printf "%.2f", s / m }')
  ratios+=("$ratio")
  so=$(scanner_open "$work/scanner.out")
  no=$(nmap_open "$work/nmap.out")
  inside=$(grep -Eo 'Scan complete in [0-9.]+s' "$work/scanner.out" | grep -Eo '[0-9.]+' || echo '?')
  echo "round $round: scanner ${s} s (its own scan: ${inside} s), nmap ${m} s, ratio ${ratio}"
  echo "  scanner open: $so"
  echo "  nmap open:    $no"
  for p in "${ours[@]}"; do
    case " $so " in *" $p "*) ;; *) echo "  MISSING: listener $p not reported by the scanner" ;; esac
  done
  if [ "$so" != "$no" ]; then echo "  DIFFERENT open sets (a port opened or closed during the round, or a scanner error)"; fi
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median ratio scanner / nmap: $median (target <= 1)"
