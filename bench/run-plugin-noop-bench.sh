#!/usr/bin/env bash
# How long the Ruchy Maven plugin takes on a no-op rebuild of a 200-file project, and proof that it
# writes nothing. Target: at most 100 ms in the plugin.
#
#   bench/run-plugin-noop-bench.sh          # 200 files, 7 no-op rebuilds
#   bench/run-plugin-noop-bench.sh 500 10   # 500 files, 10 rebuilds
#
# 1. Builds the plugin and the runtime and installs them into a private local repository under
#    bench/target/plugin-noop (the other artifacts are copied from ~/.m2, which serves as a file:
#    remote; nothing is installed into ~/.m2).
# 2. Generates a Maven project with N Ruchy files (10 packages) and builds it once (`compile`).
# 3. Rebuilds it R times with nothing changed. The mojo's own timing ("took N ms", at debug level,
#    enabled for the plugin's logger only) is the time spent in the plugin's execute(): scanning,
#    hashing every source, checking every output and deciding there is nothing to do. Maven's start-up
#    and the plugin's class loading are not in it; the whole `mvn compile` wall time is shown beside.
# 4. Checks that no file under target/ changed (path, size, modification time; except the compiler
#    plugin's own status file, which it rewrites on every build) and that the compiler found nothing
#    to recompile.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FILES=${1:-200}
RUNS=${2:-7}

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
WORK="$ROOT/bench/target/plugin-noop"
REPO="$WORK/repo"
PROJECT="$WORK/project"
USER_REPO=${MAVEN_USER_REPO:-$HOME/.m2/repository}
mkdir -p "$WORK"

# the versions the main build uses, so that everything is already in ~/.m2
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
VERSION=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)
COMPILER=$(prop compiler-plugin.version)
RESOURCES=$(prop resources-plugin.version)

cat > "$WORK/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>user-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>user-repo</id><url>file://$USER_REPO</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-repo</id><url>file://$USER_REPO</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
EOF
MVN=("$ROOT/mvnw" -B -ntp -s "$WORK/settings.xml" "-Dmaven.repo.local=$REPO")

echo "run-plugin-noop-bench: installing the plugin $VERSION into $REPO"
"${MVN[@]}" -q -pl ruchy-maven-plugin,runtime -am install -DskipTests

echo "run-plugin-noop-bench: generating $FILES Ruchy files in $PROJECT"
rm -rf "$PROJECT"
mkdir -p "$PROJECT"
cat > "$PROJECT/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.ruchy.bench</groupId>
  <artifactId>plugin-noop</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency>
      <groupId>dev.ruchy</groupId>
      <artifactId>ruchy-runtime</artifactId>
      <version>$VERSION</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.ruchy</groupId>
        <artifactId>ruchy-maven-plugin</artifactId>
        <version>$VERSION</version>
        <executions>
          <execution>
            <goals><goal>transpile</goal></goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>$COMPILER</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>$RESOURCES</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
for ((i = 0; i < FILES; i++)); do
  dir="$PROJECT/src/main/ruchy/bench/p$((i % 10))"
  mkdir -p "$dir"
  cat > "$dir/module_$i.ruchy" <<EOF
// Generated for the plugin's no-op benchmark: file $i of $FILES.
struct Point {
    x: i32,
    y: i32,
}

// The squared distance from the origin.
fun norm(p: Point) -> i32 {
    p.x * p.x + p.y * p.y
}

fun fib(n: i32) -> i32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fun describe(values: Vec<i32>) -> String {
    let mut total = 0
    for v in values {
        total += v
    }
    f"module $i: {values.len()} values, total {total}"
}

fun main() {
    let mut fibs = []
    for k in 0..12 {
        fibs.push(fib(k))
    }
    println(describe(fibs))
    println(norm(Point { x: $i, y: 4 }))
}
EOF
done

cd "$PROJECT"
echo "run-plugin-noop-bench: first build (transpile and compile $FILES files)"
start=$(date +%s%N)
"${MVN[@]}" -q compile
echo "run-plugin-noop-bench: first build took $(( ($(date +%s%N) - start) / 1000000 )) ms"

# maven-compiler-plugin rewrites its own inputFiles.lst on every build (same content, new time): not ours
snapshot() { find target -type f ! -path 'target/maven-status/maven-compiler-plugin/*' -printf '%p %s %T@\n' | sort; }
snapshot > "$WORK/before.txt"

plugin_ms=()
for ((r = 1; r <= RUNS; r++)); do
  start=$(date +%s%N)
  "${MVN[@]}" -o compile -Dorg.slf4j.simpleLogger.log.dev.ruchy.maven=debug > "$WORK/noop-$r.log"
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -q 'Nothing to transpile - all Ruchy sources are up to date.' "$WORK/noop-$r.log" \
    || { echo "run-plugin-noop-bench: rebuild $r transpiled something:" >&2; grep 'Transpiling' "$WORK/noop-$r.log" >&2; exit 1; }
  grep -q 'Nothing to compile - all classes are up to date' "$WORK/noop-$r.log" \
    || { echo "run-plugin-noop-bench: the compiler recompiled after rebuild $r" >&2; exit 1; }
  ms=$(sed -n 's/.*Ruchy: [0-9]* sources, 0 transpiled, 0 files written, 0 deleted, took \([0-9]*\) ms.*/\1/p' "$WORK/noop-$r.log")
  [ -n "$ms" ] || { echo "run-plugin-noop-bench: no timing line in $WORK/noop-$r.log" >&2; exit 1; }
  plugin_ms+=("$ms")
  echo "run-plugin-noop-bench: no-op rebuild $r: ${ms} ms in the plugin, ${wall} ms for the whole mvn compile"
done

snapshot > "$WORK/after.txt"
if ! diff -q "$WORK/before.txt" "$WORK/after.txt" > /dev/null; then
  echo "run-plugin-noop-bench: FAIL: the no-op rebuilds changed files under target/:" >&2
  diff "$WORK/before.txt" "$WORK/after.txt" >&2 || true
  exit 1
fi
echo "run-plugin-noop-bench: no file under target/ was written ($(wc -l < "$WORK/after.txt") files checked)"

sorted=($(printf '%s\n' "${plugin_ms[@]}" | sort -n))
median=${sorted[$(( ${#sorted[@]} / 2 ))]}
echo "run-plugin-noop-bench: $FILES files, $RUNS no-op rebuilds: plugin time min ${sorted[0]} ms, median $median ms, max ${sorted[-1]} ms (target <= 100 ms)"
if [ "$median" -gt 100 ]; then
  echo "run-plugin-noop-bench: FAIL: median above 100 ms" >&2
  exit 1
fi
