#!/usr/bin/env bash
# End-to-end tests: the playground in a real browser (Debian's Chromium driven by playwright-core), and
# the language server in a real Neovim. Installs chromium and neovim with apt-get when missing (CI runs
# as root), then runs the suite (after `npm run build`: the Neovim test starts dist/cli.js).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Neovim for test/e2e/neovim.test.ts (the language server in a real editor): Debian's package, 0.7 on Debian 12.
NVIM="${NVIM_PATH:-/usr/bin/nvim}"
missing=()
if [ ! -x "$CHROMIUM" ]; then missing+=(chromium); fi
if [ ! -x "$NVIM" ]; then missing+=(neovim); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e: installing Debian's ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export NVIM_PATH="$NVIM"

exec npx vitest run --config vitest.e2e.config.ts "$@"
