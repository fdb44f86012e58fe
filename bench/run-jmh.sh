#!/usr/bin/env bash
# Runs the token-verification JMH benchmark (src/bench/java) with the settings of the recorded results in
# docs/BENCHMARKS.md, and writes them to target/jmh-results.json (JMH JSON) and target/jmh-results.txt (console).
#
#   bench/run-jmh.sh                       the recorded comparison (TokenVerificationBenchmark, about 6 minutes)
#   bench/run-jmh.sh -prof gc              the same with extra JMH options
#   JMH_INCLUDE=TokenVerificationBreakdown bench/run-jmh.sh     the per-step diagnostics (ns/op)
#   JMH_SETTINGS="-f 1 -wi 3 -w 1s -i 3 -r 1s" bench/run-jmh.sh   a quick look
#
# Run it on a quiet machine: check `uptime` first (load average well under 1 on a 2-core box).
set -euo pipefail
cd "$(dirname "$0")/.."

SETTINGS="${JMH_SETTINGS:--f 5 -wi 4 -w 2s -i 4 -r 2s}"
INCLUDE="${JMH_INCLUDE:-TokenVerificationBenchmark}"
JSON="$PWD/target/jmh-results.json"
TEXT="$PWD/target/jmh-results.txt"
mkdir -p target

echo "nproc $(nproc), load before the run:$(uptime | sed 's/.*load average/ load average/')"
echo "JMH: $SETTINGS $* $INCLUDE"
mvn -B -q -Pbench process-test-classes -Djmh.args="$SETTINGS -rf json -rff $JSON $* $INCLUDE" | tee "$TEXT"
echo
echo "load after the run:$(uptime | sed 's/.*load average/ load average/')"
echo "Results: $JSON (JMH JSON), $TEXT (console log, summary table at the end)"
