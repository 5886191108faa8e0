#!/usr/bin/env bash
# End-to-end tests of the playground in a real browser (Debian's Chromium driven by playwright-core).
# Installs chromium with apt-get when /usr/bin/chromium is missing (CI runs as root), then runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: $CHROMIUM is missing; installing Debian's chromium" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

exec npx vitest run --config vitest.e2e.config.ts "$@"
