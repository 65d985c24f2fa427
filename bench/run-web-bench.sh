#!/usr/bin/env bash
# The seed's web server (examples/src/main/ruchy/dev/ruchy/examples/01_web_server.ruchy, run by
# `bin/ruchy run`) under load, against a hand-written Helidon SE server with the same routes and
# logging filter (bench/src/main/java/dev/ruchy/bench/web/HandWrittenServer.java) and an Express 5
# server (bench/express/server.js). Not part of the test suite.
#
# For each server in turn: start it on a loopback port, wait until GET /api/users answers, run wrk
# for a 5 s warm-up and then a measured 10 s (-t2 -c50, GET /api/users), stop it by the PID this
# script started. The two Java servers are measured ROUNDS times (default 3), alternating, so that a
# slow minute of a shared machine hits both; Express once. Prints requests/s of each run, the ratio
# generated / hand-written of each round and their median (target >= 0.95), and generated (median)
# / Express (target >= 5). About three minutes in all, builds excepted.
#
#   bench/run-web-bench.sh
#   ROUNDS=5 WRK_THREADS=2 WRK_CONNECTIONS=256 WRK_DURATION=20s bench/run-web-bench.sh
#   JAVA_OPTS='-Xms1g -Xmx1g' bench/run-web-bench.sh     # the two Java servers' JVM options
#
# Every server's standard output and error (the logging middleware's line per request) go to a
# file under a temporary directory, the same for all three; SERVER_LOG_DIR=dir keeps them there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

ROUNDS=${ROUNDS:-3}
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-50}
DURATION=${WRK_DURATION:-10s}
WARMUP=${WRK_WARMUP:-5s}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PORT_GENERATED=${PORT_GENERATED:-18081}
PORT_HAND=${PORT_HAND:-18082}
PORT_EXPRESS=${PORT_EXPRESS:-18083}
PROGRAM=examples/src/main/ruchy/dev/ruchy/examples/01_web_server.ruchy

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-web-bench: installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
  else
    sudo apt-get install -y wrk || { sudo apt-get update && sudo apt-get install -y wrk; }
  fi
fi
for tool in wrk curl node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-web-bench: $tool is missing" >&2; exit 1; }
done

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

echo "run-web-bench: building bench/target/benchmarks.jar and the ruchy tool"
# maven.test.skip: the benchmark needs no test classes, and a half-edited test elsewhere must not stop it
bin/mvn -q -B -pl bench -am -Dmaven.test.skip=true package
bin/ruchy --version >/dev/null  # builds the tool when it is missing or stale
if [ ! -d bench/express/node_modules/express ]; then
  echo "run-web-bench: npm install in bench/express"
  (cd bench/express && npm install --no-audit --no-fund)
fi

work=$(mktemp -d)
logs=${SERVER_LOG_DIR:-$work}
mkdir -p "$logs"
# run a copy, so that a build started meanwhile cannot swap the jar under the server
cp bench/target/benchmarks.jar "$work/benchmarks.jar"

bench=run-web-bench
ready_path=/api/users
source bench/lib/servers.sh

# measure NAME PORT: warm-up run, then the measured run; appends requests/s to results[NAME]
declare -A results
measure() {
  local name=$1 port=$2 out
  wait_ready "$port"
  echo "run-web-bench: $name: warm-up ($WARMUP)"
  timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$port/api/users" >/dev/null
  echo "run-web-bench: $name: measuring ($DURATION)"
  out=$(timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port/api/users")
  echo "$out" | sed 's/^/    /'
  if echo "$out" | grep -q 'Non-2xx\|Socket errors'; then
    echo "run-web-bench: $name: warning: wrk saw errors (above)" >&2
  fi
  results[$name]="${results[$name]:-} $(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')"
  stop_server
}

start() {  # start NAME PORT COMMAND...: runs COMMAND in the background with its output to a log
  local name=$1 port=$2; shift 2
  if ! port_free "$port"; then
    echo "run-web-bench: port $port is in use; set PORT_* to free ones" >&2
    exit 1
  fi
  current_log="$logs/$name.log"
  echo "run-web-bench: $name: starting on 127.0.0.1:$port ($*)"
  "$@" >"$current_log" 2>&1 &
  server_pid=$!
}

echo "run-web-bench: $("$JAVA" -version 2>&1 | head -n 1); node $(node --version); $(nproc) cores;" \
     "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after -d$WARMUP) GET /api/users; JVM options: $JAVA_OPTS"

# bin/ruchy execs java (the cached path, or the CLI running the program in process), so $! is the JVM.
# The program binds 0.0.0.0:PORT (it is the seed's program, unchanged); the load goes to 127.0.0.1.
for round in $(seq 1 "$ROUNDS"); do
  echo "run-web-bench: round $round of $ROUNDS"
  PORT=$PORT_GENERATED RUCHY_JAVA_OPTS="$JAVA_OPTS" start generated "$PORT_GENERATED" bin/ruchy run "$PROGRAM"
  measure generated "$PORT_GENERATED"

  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  start hand-written "$PORT_HAND" "$JAVA" $JAVA_OPTS -cp "$work/benchmarks.jar" dev.ruchy.bench.web.HandWrittenServer "$PORT_HAND" 127.0.0.1
  measure hand-written "$PORT_HAND"
done

start express "$PORT_EXPRESS" node bench/express/server.js "$PORT_EXPRESS" 127.0.0.1
measure express "$PORT_EXPRESS"

echo
echo "Web server under load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET /api/users (requests/s)"
awk -v g="${results[generated]}" -v h="${results[hand-written]}" -v e="${results[express]}" '
function median(a, n,    i, j, t) {
  for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
BEGIN {
  n = split(g, gs, " "); split(h, hs, " ")
  printf "  %-7s %12s %14s %10s\n", "round", "generated", "hand-written", "ratio"
  for (i = 1; i <= n; i++) {
    r[i] = gs[i] / hs[i]; gm[i] = gs[i]; hm[i] = hs[i]
    printf "  %-7d %12.0f %14.0f %10.2f\n", i, gs[i], hs[i], r[i]
  }
  mr = median(r, n); mg = median(gm, n)
  printf "  express: %.0f\n", e
  printf "  generated / hand-written, median of %d rounds: %.2f (target >= 0.95: %s)\n", n, mr, ((mr >= 0.95) ? "met" : "NOT met")
  printf "  generated (median) / Express:               %.2f (target >= 5: %s)\n", mg / e, ((mg / e >= 5) ? "met" : "NOT met")
}'
