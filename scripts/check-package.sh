#!/usr/bin/env bash
# The package as a user gets it, after `npm run build`: packs dist into a
# tarball, lints it (publint, warnings included), checks its types under
# every module resolution TypeScript has (attw: node10, node16 from CommonJS
# and from ESM, bundler), checks that every install script of the lockfile
# is reviewed (npm ci's first screen stays clean), and runs
# test/package/tarball.test.ts on the unpacked tarball (CommonJS and ESM
# loading, one instance per process, the CLI and its language server, real
# tsc projects). Run by .ci/run; `npm run check:package` locally.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f dist/index.js ] || [ ! -f dist/cli.js ]; then
  echo "check-package: dist/ is missing; run npm run build first" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/*.tgz)
echo "check-package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KB packed"

npx --no-install publint run --strict "$tarball"
npx --no-install attw "$tarball"

scripts=$(npm install-scripts ls 2>&1)
if ! grep -q "No packages with unreviewed install scripts" <<<"$scripts"; then
  echo "check-package: install scripts not covered by package.json allowScripts:" >&2
  echo "$scripts" >&2
  exit 1
fi

AHREFS_WHERE_TARBALL="$tarball" npx --no-install vitest run test/package/tarball.test.ts
