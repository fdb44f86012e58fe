#!/bin/sh
# Installs Debian's chromium and chromium-driver for the demo's browser test (DemoBrowserIT), when they are missing.
# Run by .ci/run (the Maven build does not install system packages); needs root, or sudo without a password.
# Without the browser, `mvn verify` reports DemoBrowserIT as skipped.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
exec "$(dirname "$0")/../system/apt-install.sh" "the browser test" chromium chromium-driver
