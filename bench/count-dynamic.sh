#!/usr/bin/env bash
# How dynamic the Java generated from the seed programs is: per program, the dynamic calls and
# Object declarations `ruchy check --explain-dynamic` lists, the generated Java's lines over 100
# characters, and the Ruchy comments the Java does not carry. One table on stdout, no JMH.
#
#   bench/count-dynamic.sh              # the ten seed programs
#   bench/count-dynamic.sh a.ruchy ...  # other programs
#
# Seed programs that use definitions they leave out get them from
# it-tests/src/test/resources/seed-supplements (as DynamicReportTest does). The seed is read from
# ../shared beside the project (RUCHY_SHARED overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${RUCHY_SHARED:-$(cd .. && pwd)/shared}
SUPPLEMENTS=it-tests/src/test/resources/seed-supplements
if [ $# -gt 0 ]; then
  programs=("$@")
else
  if [ ! -d "$SHARED/seed/programs" ]; then
    echo "count-dynamic: the seed is missing: expected $SHARED/seed/programs" >&2
    exit 1
  fi
  programs=("$SHARED"/seed/programs/*.ruchy)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# each program, with the definitions it leaves out, copied under its own name
files=()
for program in "${programs[@]}"; do
  name=$(basename "$program")
  copy="$work/$name"
  supplement="$SUPPLEMENTS/$name"
  if [ $# -eq 0 ] && [ -f "$supplement" ]; then
    if grep -q '^// <program>$' "$supplement"; then
      { sed '/^\/\/ <program>$/,$d' "$supplement"; cat "$program"; echo; sed '1,/^\/\/ <program>$/d' "$supplement"; } >"$copy"
    else
      { cat "$program"; echo; cat "$supplement"; } >"$copy"
    fi
  else
    cp "$program" "$copy"
  fi
  files+=("$copy")
done

report="$work/report.txt"
bin/ruchy check --explain-dynamic "${files[@]}" >"$report" 2>/dev/null || true

printf '%-26s %8s %8s %10s %10s\n' program dynamic Object 'long lines' 'comments'
printf '%-26s %8s %8s %10s %10s\n' '' calls decls '(>100)' missing
total_calls=0 total_objects=0
for copy in "${files[@]}"; do
  name=$(basename "$copy")
  summary=$(grep -E "^$copy: [0-9]+ dynamic calls?, [0-9]+ Object declarations?$" "$report" || true)
  java="$work/${name%.ruchy}.java"
  if [ -z "$summary" ] || ! bin/ruchy transpile "$copy" --stdout >"$java" 2>/dev/null; then
    printf '%-26s %8s %8s %10s %10s\n' "$name" - - - - 
    continue
  fi
  calls=$(sed -E 's/.*: ([0-9]+) dynamic calls?, .*/\1/' <<<"$summary")
  objects=$(sed -E 's/.*, ([0-9]+) Object declarations?$/\1/' <<<"$summary")
  long=$(awk 'length($0) > 100' "$java" | wc -l)
  # full-line comments of the Ruchy source whose text the Java does not contain
  missing=0
  while IFS= read -r comment; do
    [ -z "$comment" ] && continue
    grep -qF -- "$comment" "$java" || missing=$((missing + 1))
  done < <(sed -nE 's|^[[:space:]]*//[[:space:]]?(.*[^[:space:]])[[:space:]]*$|\1|p' "$copy")
  total_calls=$((total_calls + calls))
  total_objects=$((total_objects + objects))
  printf '%-26s %8d %8d %10d %10d\n' "$name" "$calls" "$objects" "$long" "$missing"
done
printf '%-26s %8d %8d\n' total "$total_calls" "$total_objects"
