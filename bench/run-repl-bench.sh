#!/usr/bin/env bash
# The REPL's latency (input to printed value, against JShell on the equivalent Java snippets) and
# its heap after GC as inputs accumulate; see docs/benchmarks.md ("REPL"). Builds the cli and bench
# modules' classes first, and runs the benchmark on the class path `bin/ruchy` runs the REPL on (the
# cli's classes and its dependencies), so javac sees what it sees in the product.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin/mvn -B -ntp -q -pl bench -am -DskipTests process-classes >/dev/null
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
cp="bench/target/classes:cli/target/classes:$(cat cli/target/classpath.txt)"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$cp" dev.ruchy.cli.ReplBenchmark latency "${WARMUP:-50}" "${INPUTS:-200}"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$cp" dev.ruchy.cli.ReplBenchmark memory 100 2000
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$cp" dev.ruchy.cli.ReplBenchmark memory 100 2000 unique
