#!/usr/bin/env bash
# The examples against hostile clients, on loopback, each server at a limit of 1024 file descriptors
# (`ulimit -n 1024` in the subshell that starts it). Not part of the test suite: a reliability run
# with bounded time (about five minutes, builds excepted) that prints figures.
#
# For each server (the TCP echo, the web server, the chat; examples/src/main/ruchy/dev/ruchy/examples)
# in turn: start it with `bin/ruchy run`, wait for its port, force a GC and take its file
# descriptors, threads, resident memory and heap in use; replay the attacks (bench/src/main/java/
# dev/ruchy/bench/hostile/HostileClient.java, run by the JDK's source launcher, each bounded in
# time), wait for its connections to drain, force a GC and take the figures again; replay the attacks
# a second time and take them a third time; stop it by the PID this script started. Passes when every
# attack passed both times and, over the second round, fds and threads are back to their values and
# resident memory after GC is within 20% (the first round shows the JVM's own growth under its first
# load: code cache, heap sizing; the heap in use is printed to tell it from a leak).
#
#   bench/run-hostile-bench.sh
#   FD_LIMIT=4096 bench/run-hostile-bench.sh
#   SERVER_JAVA_OPTS='-Xmx1g' IDLE_S=30 bench/run-hostile-bench.sh   # the servers' JVM options, idle timeout (HTTP and TCP)
#
# Server output goes to files under a temporary directory; SERVER_LOG_DIR=dir keeps them there.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

FD_LIMIT=${FD_LIMIT:-1024}
PORT_TCP=${PORT_TCP:-19100}
PORT_WEB=${PORT_WEB:-19101}
PORT_CHAT=${PORT_CHAT:-19102}
IDLE_S=${IDLE_S:-3}
# a heap that gives memory back after a full GC, and few malloc arenas (MALLOC_ARENA_MAX=2 below),
# so that resident memory can show a leak
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
java=$JAVA_HOME/bin/java
client=(timeout 120 "$java" -Xss512k bench/src/main/java/dev/ruchy/bench/hostile/HostileClient.java)
logs=${SERVER_LOG_DIR:-$(mktemp -d)}
examples=examples/src/main/ruchy/dev/ruchy/examples
failures=0
server_pid=

echo "run-hostile-bench: building the command line tool if needed"
bin/ruchy check "$examples/02_tcp_echo.ruchy" >/dev/null

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  server_pid=
}
trap stop_server EXIT

# start_server NAME PROGRAM PORT JAVA_OPTS: runs the program at the descriptor limit; sets server_pid
start_server() {
  local name=$1 program=$2 port=$3 opts=$4
  (ulimit -n "$FD_LIMIT"; MALLOC_ARENA_MAX=2 PORT=$port RUCHY_JAVA_OPTS="$SERVER_JAVA_OPTS $opts" exec bin/ruchy run "$program") \
    >"$logs/$name.out" 2>"$logs/$name.err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$name: did not open port $port"; cat "$logs/$name.err"; return 1
}

# figures: "fds threads rss_kib heap_used_kib" of the server after a full GC and a native heap trim
figures() {
  "$JAVA_HOME/bin/jcmd" "$server_pid" GC.run >/dev/null 2>&1
  # glibc keeps memory that native code freed (socket buffers of thousands of short connections) and
  # would reuse it: give it back, as -XX:TrimNativeHeapInterval=MS does periodically, so that RSS
  # shows what is in use
  "$JAVA_HOME/bin/jcmd" "$server_pid" System.trim_native_heap >/dev/null 2>&1
  sleep 1
  local fds threads rss heap
  fds=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null)
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null)
  heap=$("$JAVA_HOME/bin/jcmd" "$server_pid" GC.heap_info 2>/dev/null | sed -n 's/.*heap.*used \([0-9]*\)K.*/\1/p' | head -1)
  echo "${fds:-0} ${threads:-0} ${rss:-0} ${heap:-0}"
}

# settle [THREADS]: waits until the fd count stops falling (connections draining), at most 20 s, and
# until the server has at most THREADS threads again (the virtual-thread scheduler retires carriers
# idle for 30 s), at most 45 s
settle() {
  local last=-1 now
  for _ in $(seq 1 40); do
    now=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)
    if [ "$now" = "$last" ]; then break; fi
    last=$now
    sleep 0.5
  done
  if [ -n "${1:-}" ]; then
    for _ in $(seq 1 45); do
      now=$(awk '/^Threads:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null)
      if [ -z "$now" ] || [ "$now" -le "$1" ]; then break; fi
      sleep 1
    done
  fi
}

attack() {
  if ! "${client[@]}" "$@"; then
    echo "  FAILED: $*"
    failures=$((failures + 1))
  fi
}

# print_figures NAME BEFORE AFTER
print_figures() {
  local name=$1; read -r f0 t0 r0 h0 <<<"$2"; read -r f1 t1 r1 h1 <<<"$3"
  alive=yes
  kill -0 "$server_pid" 2>/dev/null || alive=NO
  printf '%-5s fds %4s -> %-4s threads %3s -> %-3s RSS after GC %6s -> %-6s KiB (%+d%%), heap used %6s -> %-6s KiB; alive: %s\n' \
    "$name" "$f0" "$f1" "$t0" "$t1" "$r0" "$r1" $(( (r1 - r0) * 100 / (r0 > 0 ? r0 : 1) )) "$h0" "$h1" "$alive"
}

# verdict NAME BEFORE AFTER: the figures, and a failure unless the server is alive, its fds and
# threads are back to BEFORE and its resident memory after GC is within 20% of BEFORE
verdict() {
  local name=$1 alive; read -r f0 t0 r0 h0 <<<"$2"; read -r f1 t1 r1 h1 <<<"$3"
  print_figures "$@"
  if [ "$alive" != yes ] || [ "$f1" -gt "$f0" ] || [ "$t1" -gt "$t0" ] || [ $(( r1 * 100 )) -gt $(( r0 * 120 )) ]; then
    echo "  FAILED: $name did not come back to its start figures"
    failures=$((failures + 1))
  fi
  local errors
  errors=$(grep -c -E 'Error|Exception' "$logs/$name.err" || true)
  echo "  error lines on its standard error: $errors"
}

echo "run-hostile-bench: servers at ulimit -n $FD_LIMIT; logs in $logs"

attacks_tcp() {
  attack tcp-reset "$PORT_TCP" 3000
  attack tcp-idle "$PORT_TCP" 1100 3000
  attack tcp-silent "$PORT_TCP" 1100 $((IDLE_S * 4 + 10))
  attack tcp-long "$PORT_TCP" 64
}
attacks_web() {
  attack http-half "$PORT_WEB" 1500 $((IDLE_S * 4 + 10))
  attack http-bad "$PORT_WEB"
  attack http-busy "$PORT_WEB" 9
}
attacks_chat() {
  attack ws-churn "$PORT_CHAT" 400 5
  attack ws-protocol "$PORT_CHAT" 25
}

# run NAME PROGRAM PORT JAVA_OPTS: starts the server; a first round of its attacks (JIT, carrier
# threads, buffers, heap sizing: a JVM's resident memory grows under its first load and stays) with
# the figures from the start and after it; then, from there, the measured round and its verdict
run() {
  local name=$1 start after before
  start_server "$name" "$2" "$3" "$4" || { failures=$((failures + 1)); return; }
  start=$(figures)
  echo "-- $name, first round"
  "attacks_$name"
  settle "$(cut -d' ' -f2 <<<"$start")"
  before=$(figures)
  print_figures "$name" "$start" "$before"
  echo "-- $name, second round"
  "attacks_$name"
  settle "$(cut -d' ' -f2 <<<"$before")"
  verdict "$name" "$before" "$(figures)"
  stop_server
}

run tcp "$examples/02_tcp_echo.ruchy" "$PORT_TCP" "-Druchy.tcp.idleTimeoutMs=$((IDLE_S * 1000))"
run web "$examples/01_web_server.ruchy" "$PORT_WEB" "-Druchy.http.idleTimeoutMs=$((IDLE_S * 1000))"
run chat "$examples/06_chat_server.ruchy" "$PORT_CHAT" ""

if [ "$failures" -gt 0 ]; then
  echo "run-hostile-bench: $failures failure(s)"
  exit 1
fi
echo "run-hostile-bench: all attacks passed"
