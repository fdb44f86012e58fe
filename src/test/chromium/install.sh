#!/bin/sh
# Installs Debian's chromium and chromium-driver for the demo's browser test (DemoBrowserIT), when they are missing.
# Run by .ci/run (the Maven build does not install system packages); needs root, or sudo without a password.
# Without the browser, `mvn verify` reports DemoBrowserIT as skipped.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo"
    else
        echo "The browser test needs Debian's chromium and chromium-driver, and this build cannot install them" >&2
        echo "(not root, no sudo): run 'sudo src/test/chromium/install.sh' once." >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing chromium and chromium-driver (apt-get) for the browser test..."
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }
