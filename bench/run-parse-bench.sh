#!/usr/bin/env bash
# Lex + parse throughput of the Ruchy front end on the shared corpus, in source lines per second.
# Builds bench/target/benchmarks.jar, then runs LexParseBenchmark with JMH: one fork, one thread,
# 5 warmup and 5 measured iterations of 2 s for each of the two benchmarks (about a minute).
#
#   bench/run-parse-bench.sh                # the settings above
#   bench/run-parse-bench.sh -i 10 -r 5s    # other JMH options replace the default iteration settings
#
# The corpus is read from ../shared beside the project (RUCHY_SHARED overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
SHARED=${RUCHY_SHARED:-$(cd .. && pwd)/shared}
if [ ! -d "$SHARED/conformance" ] || [ ! -d "$SHARED/seed/programs" ]; then
  echo "run-parse-bench: the corpus is missing: expected $SHARED/conformance and $SHARED/seed/programs" >&2
  exit 1
fi

echo "run-parse-bench: building bench/target/benchmarks.jar"
./mvnw -q -pl bench -am -DskipTests package

if [ $# -gt 0 ]; then
  settings=("$@")
else
  settings=(-wi 5 -w 2s -i 5 -r 2s -f 1 -t 1)
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "run-parse-bench: $("$JAVA" -version 2>&1 | head -n 1), $(nproc) cores"
"$JAVA" -jar bench/target/benchmarks.jar 'dev.ruchy.bench.LexParseBenchmark' "${settings[@]}" \
  -jvmArgsAppend "-Druchy.shared=$SHARED" -rf csv -rff "$results"

# The secondary ":lines" results are the throughput in lines per second.
echo
echo "Lex + parse throughput (lines/s, one thread, warm):"
awk -F, 'NR > 1 && $1 ~ /:lines"?$/ {
  gsub(/"/, "", $1); sub(/^dev\.ruchy\.bench\.LexParseBenchmark\./, "", $1); sub(/:lines$/, "", $1)
  printf "  %-10s %12.0f lines/s  (± %.0f, 99.9%% CI)\n", $1, $5, $6
}' "$results"
