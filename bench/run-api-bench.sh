#!/usr/bin/env bash
# The REST API example (examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy, run by
# `bin/ruchy run`) on a SQLite file under load, against a hand-written Helidon SE + JDBC server with
# the same routes (bench/src/main/java/dev/ruchy/bench/web/HandWrittenApiServer.java) and an Express 5 +
# better-sqlite3 server (bench/express-sqlite/server.js). Not part of the test suite.
#
# One SQLite file of POSTS posts (default 1000, bench/express-sqlite/seed.js) is made first; each
# server gets a fresh copy of it. For each round (default 3) and each server in turn: start it on a
# loopback port, wait until GET /health answers, run wrk for a 5 s warm-up and then a measured 10 s
# (-t2 -c50, GET /api/posts?page=1&limit=10), stop it by the PID this script started. Prints
# requests/s of each run, the ratios of each round, and the ratios of the medians:
# generated / hand-written (target >= 0.9) and generated / Express (target >= 2). About three
# minutes in all, builds excepted.
#
#   bench/run-api-bench.sh
#   ROUNDS=5 WRK_CONNECTIONS=256 WRK_DURATION=20s bench/run-api-bench.sh
#   JAVA_OPTS='-Xms1g -Xmx1g' bench/run-api-bench.sh     # the two Java servers' JVM options
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

ROUNDS=${ROUNDS:-3}
POSTS=${POSTS:-1000}
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-50}
DURATION=${WRK_DURATION:-10s}
WARMUP=${WRK_WARMUP:-5s}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PORT_GENERATED=${PORT_GENERATED:-18091}
PORT_HAND=${PORT_HAND:-18092}
PORT_EXPRESS=${PORT_EXPRESS:-18093}
PROGRAM=examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy
PATH_QUERY='/api/posts?page=1&limit=10'

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-api-bench: installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
  else
    sudo apt-get install -y wrk || { sudo apt-get update && sudo apt-get install -y wrk; }
  fi
fi
for tool in wrk curl node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-api-bench: $tool is missing" >&2; exit 1; }
done

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

echo "run-api-bench: building bench/target/benchmarks.jar and the ruchy tool"
# maven.test.skip: the benchmark needs no test classes, and a half-edited test elsewhere must not stop it
bin/mvn -q -B -pl bench -am -Dmaven.test.skip=true package
bin/ruchy --version >/dev/null  # builds the tool when it is missing or stale
if ! (cd bench/express-sqlite && node -e "new (require('better-sqlite3'))(':memory:')") 2>/dev/null; then
  # better-sqlite3 is a native module: npm downloads a prebuilt one or compiles it (a few minutes)
  echo "run-api-bench: npm install in bench/express-sqlite"
  (cd bench/express-sqlite && npm install --no-audit --no-fund && npm rebuild better-sqlite3)
fi

work=$(mktemp -d)
logs=${SERVER_LOG_DIR:-$work}
mkdir -p "$logs"
# run a copy, so that a build started meanwhile cannot swap the jar under the server
cp bench/target/benchmarks.jar "$work/benchmarks.jar"
node bench/express-sqlite/seed.js "$work/posts.db" "$POSTS"

bench=run-api-bench
ready_path=/health
source bench/lib/servers.sh

# measure NAME PORT: checks the answer, warm-up run, then the measured run; appends requests/s to results[NAME]
declare -A results
measure() {
  local name=$1 port=$2 out body
  wait_ready "$port"
  body=$(curl -s "http://127.0.0.1:$port$PATH_QUERY")
  case "$body" in
    '{"posts":[{"id":'*',"page":1,"total":'"$POSTS"'}') ;;
    *) echo "run-api-bench: $name: unexpected answer: ${body:0:300}" >&2; exit 1 ;;
  esac
  echo "run-api-bench: $name: $(grep -o '"id":' <<<"$body" | wc -l) posts a page, ${#body} bytes; warm-up ($WARMUP)"
  timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$port$PATH_QUERY" >/dev/null
  echo "run-api-bench: $name: measuring ($DURATION)"
  out=$(timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port$PATH_QUERY")
  echo "$out" | sed 's/^/    /'
  if echo "$out" | grep -q 'Non-2xx\|Socket errors'; then
    echo "run-api-bench: $name: warning: wrk saw errors (above)" >&2
  fi
  results[$name]="${results[$name]:-} $(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')"
  stop_server
}

start() {  # start NAME PORT COMMAND...: runs COMMAND in a fresh folder with a copy of the data, output to a log
  local name=$1 port=$2; shift 2
  if ! port_free "$port"; then
    echo "run-api-bench: port $port is in use; set PORT_* to free ones" >&2
    exit 1
  fi
  current_log="$logs/$name.log"
  rm -rf "$work/$name" && mkdir -p "$work/$name"
  cp "$work/posts.db" "$work/$name/api.db"
  echo "run-api-bench: $name: starting on 127.0.0.1:$port ($*)"
  (cd "$work/$name" && exec "$@") >>"$current_log" 2>&1 &
  server_pid=$!
}

echo "run-api-bench: $("$JAVA" -version 2>&1 | head -n 1); node $(node --version); $(nproc) cores;" \
     "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after -d$WARMUP) GET $PATH_QUERY on $POSTS posts; JVM options: $JAVA_OPTS"

# bin/ruchy execs java (the cached path, or the CLI running the program in process), so $! is the JVM.
for round in $(seq 1 "$ROUNDS"); do
  echo "run-api-bench: round $round of $ROUNDS"
  PORT=$PORT_GENERATED DATABASE_URL=sqlite:api.db RUCHY_JAVA_OPTS="$JAVA_OPTS" \
    start generated "$PORT_GENERATED" "$root/bin/ruchy" run "$root/$PROGRAM"
  measure generated "$PORT_GENERATED"

  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  DATABASE=api.db start hand-written "$PORT_HAND" "$JAVA" $JAVA_OPTS -cp "$work/benchmarks.jar" \
    dev.ruchy.bench.web.HandWrittenApiServer "$PORT_HAND" 127.0.0.1
  measure hand-written "$PORT_HAND"

  DATABASE=api.db start express "$PORT_EXPRESS" node "$root/bench/express-sqlite/server.js" "$PORT_EXPRESS" 127.0.0.1
  measure express "$PORT_EXPRESS"
done

echo
echo "REST API on SQLite under load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET $PATH_QUERY (requests/s)"
awk -v g="${results[generated]}" -v h="${results[hand-written]}" -v e="${results[express]}" '
function median(a, n,    i, j, t) {
  for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
BEGIN {
  n = split(g, gs, " "); split(h, hs, " "); split(e, es, " ")
  printf "  %-7s %10s %13s %9s %12s %11s\n", "round", "generated", "hand-written", "express", "gen/hand", "gen/express"
  for (i = 1; i <= n; i++) {
    gm[i] = gs[i]; hm[i] = hs[i]; em[i] = es[i]
    printf "  %-7d %10.0f %13.0f %9.0f %12.2f %11.2f\n", i, gs[i], hs[i], es[i], gs[i] / hs[i], gs[i] / es[i]
  }
  mg = median(gm, n); mh = median(hm, n); me = median(em, n)
  printf "  %-7s %10.0f %13.0f %9.0f %12.2f %11.2f\n", "median", mg, mh, me, mg / mh, mg / me
  printf "  generated / hand-written (medians): %.2f (target >= 0.9: %s)\n", mg / mh, ((mg / mh >= 0.9) ? "met" : "NOT met")
  printf "  generated / Express (medians):      %.2f (target >= 2: %s)\n", mg / me, ((mg / me >= 2) ? "met" : "NOT met")
}'
