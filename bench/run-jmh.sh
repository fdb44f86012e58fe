#!/usr/bin/env bash
# Runs the token-verification JMH benchmark (src/bench/java) with the settings of the recorded results in
# docs/BENCHMARKS.md. Extra arguments go to JMH, e.g. `bench/run-jmh.sh -prof gc` or `bench/run-jmh.sh firstSight`.
# Override the run settings with JMH_SETTINGS="-f 1 -wi 3 -w 1s -i 3 -r 1s" bench/run-jmh.sh
# Run it on a quiet machine: check `uptime` first (load average well under 1 on a 2-core box).
set -euo pipefail
cd "$(dirname "$0")/.."

SETTINGS="${JMH_SETTINGS:--f 3 -wi 5 -w 2s -i 5 -r 2s}"
JSON="$PWD/target/jmh-results.json"
TEXT="$PWD/target/jmh-results.txt"
mkdir -p target

echo "load before the run:$(uptime | sed 's/.*load average/ load average/')"
echo "JMH settings: $SETTINGS $*"
mvn -B -q -Pbench process-test-classes -Djmh.args="$SETTINGS -rf json -rff $JSON $*" | tee "$TEXT"
echo
echo "load after the run:$(uptime | sed 's/.*load average/ load average/')"
echo "Results: $JSON (JMH JSON), $TEXT (console log, summary table at the end)"
