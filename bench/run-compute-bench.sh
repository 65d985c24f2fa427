#!/usr/bin/env bash
# Generated code against hand-written Java on the Ruchy book's compute workloads (chapter 21:
# bench-002 matrix multiply, 003 string concatenation, 005 array sum, 007 fibonacci, 008 primes,
# 011 nested loops). Builds bench/target/benchmarks.jar, then runs the dev.ruchy.bench.compute
# benchmarks with JMH in one run: each class holds a workload's pair (`handWritten`, `generated`,
# plus a reference variant for 002 and 003), each benchmark in its own fresh fork with the same JVM
# options; 3 warmup and 5 measured iterations of 1 s each (about three minutes in all). Prints each
# pair and the ratio generated / hand-written (the target is at most 1.3).
#
#   bench/run-compute-bench.sh                          # the settings above
#   bench/run-compute-bench.sh -wi 5 -i 10 -r 2s -f 1   # other JMH options replace the default settings
#
# At set-up each benchmark transpiles its program from ../shared/bench-programs beside the project
# (RUCHY_SHARED names another shared directory), compiles the Java in memory, loads it and checks
# that both sides compute the program's expected value.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
SHARED=${RUCHY_SHARED:-$(cd .. && pwd)/shared}
if [ ! -d "$SHARED/bench-programs" ]; then
  echo "run-compute-bench: the book's benchmark programs are missing: expected $SHARED/bench-programs" >&2
  exit 1
fi

echo "run-compute-bench: building bench/target/benchmarks.jar"
# maven.test.skip: the benchmarks need no test classes, and a half-edited test elsewhere must not stop them
./mvnw -q -pl bench -am -Dmaven.test.skip=true package

if [ $# -gt 0 ]; then
  settings=("$@")
else
  settings=(-wi 3 -w 1s -i 5 -r 1s -f 1 -t 1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# run a copy, so that a build started meanwhile (another ./mvnw) cannot swap the jar under the forks
cp bench/target/benchmarks.jar "$work/benchmarks.jar"

echo "run-compute-bench: $("$JAVA" -version 2>&1 | head -n 1), $(nproc) cores"
start=$(date +%s)
"$JAVA" -jar "$work/benchmarks.jar" 'dev\.ruchy\.bench\.compute\..*Benchmark\.' "${settings[@]}" \
  -jvmArgsAppend "-Xms1g -Xmx1g -Druchy.shared=$SHARED" -rf csv -rff "$work/results.csv"
echo "run-compute-bench: JMH took $(( $(date +%s) - start )) s"

echo
echo "Generated code vs hand-written Java (average time per operation, ± 99.9% CI; ratio = generated / hand-written):"
awk -F, '
  NR > 1 {
    name = $1; gsub(/"/, "", name); sub(/^dev\.ruchy\.bench\.compute\./, "", name)
    dot = index(name, "."); cls = substr(name, 1, dot - 1); method = substr(name, dot + 1)
    e = $6; gsub(/"/, "", e)
    score[cls, method] = $5; err[cls, method] = (e ~ /^[0-9.eE+-]+$/) ? e + 0 : -1  # -1: no interval (too few samples)
    unit = $7; gsub(/"/, "", unit); seen[cls] = 1
  }
  function fmt(c, m) {
    return err[c, m] < 0 ? sprintf("%10.1f ± %-8s", score[c, m], "?") : sprintf("%10.1f ± %-8.1f", score[c, m], err[c, m])
  }
  END {
    n = split("MatrixMultiplyBenchmark StringConcatBenchmark ArraySumBenchmark FibonacciBenchmark PrimesBenchmark NestedLoopsBenchmark", order, " ")
    label["MatrixMultiplyBenchmark"] = "002 matrix multiply 100x100"
    label["StringConcatBenchmark"] = "003 string concat 10,000"
    label["ArraySumBenchmark"] = "005 array sum 10^6"
    label["FibonacciBenchmark"] = "007 fibonacci(20)"
    label["PrimesBenchmark"] = "008 primes 10,000"
    label["NestedLoopsBenchmark"] = "011 nested loops 1000x1000"
    printf "  %-28s %-21s %-21s %7s  %-13s  %s\n", "workload", "hand-written " unit, "generated " unit, "ratio", "ratio range", "verdict (<= 1.3x)"
    for (i = 1; i <= n; i++) {
      c = order[i]
      if (!(c in seen) || !((c, "handWritten") in score) || !((c, "generated") in score)) continue
      h = score[c, "handWritten"]; g = score[c, "generated"]; eh = err[c, "handWritten"]; eg = err[c, "generated"]
      r = g / h
      verdict = r <= 1.3 ? "ok" : "SLOWER"
      if (eh < 0 || eg < 0) {
        range = "n/a"
      } else {
        # the ratio of the interval ends: lowest generated / highest hand-written, and the other way round
        lo = (g - eg > 0) ? (g - eg) / (h + eh) : 0
        range = (h - eh > 0) ? sprintf("%.2f-%.2f", lo, (g + eg) / (h - eh)) : sprintf("%.2f-inf", lo)
        if (r <= 1.3 && (h - eh <= 0 || (g + eg) / (h - eh) > 1.3)) verdict = "ok (range reaches past 1.3)"
        if (r > 1.3 && lo <= 1.3) verdict = "SLOWER (range reaches below 1.3)"
      }
      printf "  %-28s %s %s %6.2fx  %-13s  %s\n", label[c], fmt(c, "handWritten"), fmt(c, "generated"), r, range, verdict
    }
    printf "\n  references (not part of the ratio):\n"
    if (("StringConcatBenchmark", "handWrittenStringBuilder") in score)
      printf "  %-28s %s  (generated / this: %.0fx)\n", "003 with a StringBuilder", fmt("StringConcatBenchmark", "handWrittenStringBuilder"),
        score["StringConcatBenchmark", "generated"] / score["StringConcatBenchmark", "handWrittenStringBuilder"]
    if (("MatrixMultiplyBenchmark", "handWrittenBoxedLists") in score)
      printf "  %-28s %s  (generated / this: %.2fx)\n", "002 on List<List<Double>>", fmt("MatrixMultiplyBenchmark", "handWrittenBoxedLists"),
        score["MatrixMultiplyBenchmark", "generated"] / score["MatrixMultiplyBenchmark", "handWrittenBoxedLists"]
  }' "$work/results.csv"
