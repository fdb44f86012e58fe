#!/bin/sh
# Installs Debian's haproxy, the load balancer in front of the cluster test's three Payara Micro instances
# (ClusterIT), when it is missing. Run by .ci/run (the Maven build does not install system packages); needs root,
# or sudo without a password. Without it, `mvn verify` reports ClusterIT as skipped. The tests start haproxy
# themselves, with a configuration of their own.
set -eu
if [ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1; then
    exit 0
fi
exec "$(dirname "$0")/../system/apt-install.sh" "the cluster test" haproxy
