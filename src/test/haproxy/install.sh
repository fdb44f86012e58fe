#!/bin/sh
# Installs Debian's haproxy, the load balancer in front of the cluster test's three Payara Micro instances
# (ClusterIT), when it is missing. Run by .ci/run (the Maven build does not install system packages); needs root,
# or sudo without a password. Without it, `mvn verify` reports ClusterIT as skipped.
set -eu
if [ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo"
    else
        echo "The cluster test needs Debian's haproxy, and this build cannot install it" >&2
        echo "(not root, no sudo): run 'sudo src/test/haproxy/install.sh' once." >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing haproxy (apt-get) for the cluster test..."
# only the balancer: the tests start it themselves, with a configuration of their own
$SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null; }
