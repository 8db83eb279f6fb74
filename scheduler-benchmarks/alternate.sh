#!/usr/bin/env bash
# Runs one harness from two or more benchmark jars in turn, one run per invocation, alternating the
# order (A B, B A, A B, ...), so a drifting machine weighs on every jar alike; then prints, per jar,
# workload, contender and metric, the median of the runs with [min - max].
#
#   scheduler-benchmarks/alternate.sh RUNS engine|persistent 'HARNESS OPTIONS' JAR...
#
# Example (build each jar from its commit with
# ./mvnw -q -B -pl scheduler-benchmarks -am package -DskipTests, then copy
# scheduler-benchmarks/target/benchmarks.jar away):
#
#   scheduler-benchmarks/alternate.sh 3 persistent \
#     '--workloads P2,P5 --contenders scheduler,db-scheduler-lock-and-fetch' before.jar after.jar
#
# The persistent harness reads SCHEDULER_TEST_POSTGRES_URL as usual. Every progress line is printed
# as it comes, prefixed with the jar's file name.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
runs=$1
case $2 in
  engine) main=io.scheduler.benchmarks.engine.EngineBenchmarks ;;
  persistent) main=io.scheduler.benchmarks.persistent.PersistentBenchmarks ;;
  *) echo "harness must be engine or persistent, but was '$2'" >&2; exit 2 ;;
esac
read -r -a options <<< "$3"
shift 3
jars=("$@")
for jar in "${jars[@]}"; do
  [[ -f $jar ]] || { echo "jar '$jar' does not exist" >&2; exit 2; }
done

lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for ((run = 1; run <= runs; run++)); do
  order=("${jars[@]}")
  if ((run % 2 == 0)); then
    order=()
    for ((i = ${#jars[@]} - 1; i >= 0; i--)); do order+=("${jars[i]}"); done
  fi
  for jar in "${order[@]}"; do
    name=$(basename "$jar")
    echo "=== run $run of $runs: $name ($(date +%T))"
    # Progress lines look like: [1/2] run 1 P5 scheduler: ok in 19.5 s, jobs/s 1,501, lost 0
    java -cp "$jar" "$main" "${options[@]}" --runs 1 2>&1 \
      | grep --line-buffered -E '^\[[0-9]+/[0-9]+\] run ' \
      | sed -u "s|^|$name |" | tee -a "$lines"
  done
done

echo
echo "median [min - max] of $runs run(s) a jar:"
# One row per jar, workload, contender and metric: "jar|workload contender|metric|value".
sed -E 's/^([^ ]+) \[[0-9]+\/[0-9]+\] run [0-9]+ ([^ ]+) ([^:]+): ok in [0-9.]+ s, (.*)$/\1|\2 \3|\4/' "$lines" \
  | grep -v ': ' \
  | awk -F'|' '{
      n = split($3, metrics, ", ")
      for (i = 1; i <= n; i++) {
        value = metrics[i]; sub(/^.* /, "", value); gsub(/,/, "", value)
        metric = metrics[i]; sub(/ [^ ]+$/, "", metric)
        print $1 "|" $2 "|" metric "|" value
      }
    }' \
  | sort -t'|' -k1,1 -k2,2 -k3,3 -k4,4g \
  | awk -F'|' '
      function flush() {
        if (count > 0) {
          median = count % 2 ? values[(count + 1) / 2] : (values[count / 2] + values[count / 2 + 1]) / 2
          printf "%-24s %-40s %-28s %s [%s - %s]\n", key1, key2, key3, median, values[1], values[count]
        }
        count = 0
      }
      $1 "|" $2 "|" $3 != current { flush(); current = $1 "|" $2 "|" $3; key1 = $1; key2 = $2; key3 = $3 }
      { values[++count] = $4 }
      END { flush() }'
