#!/usr/bin/env bash
# The end-to-end benchmark (docs/BENCHMARKS.md, "End to end on Payara Micro"): starts cognito-local and three warm
# Payara Micro servers side by side (the module, a no-crypto floor mechanism, Payara's MP-JWT), loads one at a time
# with wrk over loopback, and prints a markdown table (also written to target/e2e-results.md).
#
#   bench/e2e.sh                 the full run: 200 s warm-up per server, 3 interleaved rounds of 20 s cells, 280 s of
#                                sign-ins (~28 min)
#   bench/e2e.sh --quick         a smoke check that every row produces numbers (a few minutes; not a result)
#   bench/e2e.sh --rounds=5 --duration=30 --warmup=300 --rewarm=10 --tokens=2000 --cache-size=16
#
# Run the full mode on a quiet machine (load average well under 1): the figures are only worth what the machine was
# doing meanwhile. Needs JDK 17 (Payara Micro 6), node (cognito-local) and wrk, which it installs when missing
# (Debian's package: root, or sudo without a password).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    src/test/system/apt-install.sh "the end-to-end benchmark" wrk
fi

BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
    BENCH_COMMIT="$BENCH_COMMIT (with uncommitted changes)"
fi
export BENCH_COMMIT
export BENCH_COMMAND="bench/e2e.sh $*"
export BENCH_CLK_TCK="$(getconf CLK_TCK)"

echo "nproc $(nproc), load before the build:$(uptime | sed 's/.*load average/ load average/')"
mvn -B -q -Pe2e verify "-De2e.args=${*:- }"
