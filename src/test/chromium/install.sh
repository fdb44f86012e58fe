#!/bin/sh
# Installs Debian's chromium and chromium-driver for the demo's browser test (DemoBrowserIT), when they are missing.
# Run by the Maven build (profile install-chromium); needs root, or sudo without a password.
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
        echo "(not root, no sudo): run 'sudo apt-get install chromium chromium-driver' once." >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing chromium and chromium-driver (apt-get) for the browser test..."
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }
