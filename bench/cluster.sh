#!/usr/bin/env bash
# The cluster benchmark (docs/BENCHMARKS.md, "Cluster"): starts cognito-local and, side by side, the same
# <distributable/> WAR on one Payara Micro with --nohazelcast, on one clustered Payara Micro (a one-member grid) and on
# three clustered Payara Micro, each behind its own HAProxy (round-robin); signs sessions in on each, warms them, loads
# one at a time with wrk over loopback, and prints a markdown table (also written to target/cluster-bench-results.md).
#
#   bench/cluster.sh                 the full run: 120 s warm-up per node, 3 interleaved rounds of 20 s cells (~20 min)
#   bench/cluster.sh --quick         a smoke check that every row produces numbers (a few minutes; not a result)
#   bench/cluster.sh --rounds=5 --duration=30 --warmup=200 --rewarm=10 --sessions=32
#
# Run the full mode on a quiet machine (load average well under 1). On 2 cores three nodes cannot scale: they share
# the cores with each other, HAProxy and wrk; the figure that matters is the CPU per request that replication adds.
# Needs JDK 17 (Payara Micro 6), node (cognito-local), haproxy and wrk, which it installs when missing (Debian's
# packages: root, or sudo without a password).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
    src/test/system/apt-install.sh "the cluster benchmark" "${missing[@]}"
fi

BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
    BENCH_COMMIT="$BENCH_COMMIT (with uncommitted changes)"
fi
export BENCH_COMMIT
export BENCH_CLK_TCK="$(getconf CLK_TCK)"

echo "nproc $(nproc), load before the build:$(uptime | sed 's/.*load average/ load average/')"
mvn -B -q -Pcluster-bench verify "-Dcluster.args=${*:- }"
