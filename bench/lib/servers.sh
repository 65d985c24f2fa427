# Servers started by a benchmark script and stopped by the PID it started, sourced by
# bench/run-web-bench.sh and bench/run-api-bench.sh. The script sets `bench` (its name, for
# messages), `ready_path` (a path answering 200 once the server serves), `work` (its temporary
# folder), and `server_pid`/`current_log` when it starts a server.

server_pid=

# stop_server: TERM, up to 5 s to exit, then KILL; only the process this script started
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}

cleanup() {
  stop_server
  if [ -z "${SERVER_LOG_DIR:-}" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_ready PORT: until GET $ready_path answers 200, at most 120 s (the first `ruchy run` compiles)
wait_ready() {
  local deadline=$(( $(date +%s) + 120 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$bench: the server exited before answering; its log:" >&2
      tail -n 20 "$current_log" >&2
      return 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1$ready_path" || true)" = 200 ]; then
      return 0
    fi
    sleep 0.2
  done
  echo "$bench: no answer on port $1 within 120 s" >&2
  return 1
}
