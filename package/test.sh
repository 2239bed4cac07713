#!/usr/bin/env bash
# Installs the packed tarball (package/build.sh) into a scratch project, offline, as a user would,
# then: every bundled scenario through `import { simulate, explain, validate } from 'subsim'`
# compared with the native CLI (test/parity.mjs), and a TypeScript consumer type-checked with
# --strict against the generated declarations (test/consumer.ts).
# Needs build/native/cli/subsim and `npm ci --prefix package/test` (TypeScript).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tarball=$(ls "$root"/build/package/subsim-*.tgz)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json
npm install --offline --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
test -f node_modules/subsim/subsim.wasm && test -f node_modules/subsim/index.d.ts
cp "$root/package/test/parity.mjs" "$root/package/test/consumer.ts" .
node parity.mjs "$root/build/native/cli/subsim" "$root/scenarios"
"$root/package/test/node_modules/.bin/tsc" --strict --noEmit --target es2022 --module nodenext \
  --moduleResolution nodenext consumer.ts
echo "ok: consumer.ts type-checks against the generated index.d.ts"
