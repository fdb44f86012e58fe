#!/bin/sh
# Installs Debian packages that a test or a benchmark needs and Maven cannot fetch, as root or with sudo (no
# password); otherwise it says what to run, and fails. Used by src/test/chromium/install.sh (the browser test),
# src/test/haproxy/install.sh (the cluster test) and bench/e2e.sh (wrk). Each caller checks first whether its
# packages are already there.
#
#   src/test/system/apt-install.sh "the browser test" chromium chromium-driver
set -eu
PURPOSE="$1"
shift
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo"
    else
        echo "$PURPOSE needs the Debian package(s) $*, and this script cannot install them (not root, no sudo):" >&2
        echo "run 'sudo apt-get install $*' once." >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing $* (apt-get) for $PURPOSE..."
# --no-install-recommends: only what the tests run (haproxy's and wrk's recommends are not needed)
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
