#!/usr/bin/env bash
# Builds the npm package (npm pack, never published) into build/package/subsim-<version>.tgz:
# the WebAssembly module as an ES module (-sEXPORT_ES6=1) built from the same sources as the page's
# in its own build directory (build/package-wasm; wasm/CMakeLists.txt is unchanged, the flag comes
# in through CMAKE_EXE_LINKER_FLAGS), the entry points and README of package/, and index.d.ts
# generated from schema/result.schema.json by package/generate-types.mjs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jobs=$(nproc)
quiet() {
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then cat "$log"; rm -f "$log"; echo "package: failed: $*" >&2; exit 1; fi
  rm -f "$log"
}

# Debian's emscripten needs NODE_PATH for its own tools; nlohmann/json from a directory holding only
# that header tree (as .ci/web does).
export NODE_PATH=/usr/share/nodejs
mkdir -p build/package-wasm/include
ln -sfn /usr/include/nlohmann build/package-wasm/include/nlohmann
quiet emcmake cmake -S . -B build/package-wasm -DCMAKE_BUILD_TYPE=Release -DSUBSIM_WASM_SINGLE_FILE=OFF \
  -DSUBSIM_WASM_EXTRA_SOURCES= -DSUBSIM_NLOHMANN_INCLUDE_DIR="$PWD/build/package-wasm/include" \
  "-DCMAKE_EXE_LINKER_FLAGS=-sEXPORT_ES6=1"
quiet cmake --build build/package-wasm -j"$jobs"
unset NODE_PATH

stage=build/package/stage
rm -rf build/package && mkdir -p "$stage"
cp package/package.json package/README.md package/api.js package/node.js package/browser.js "$stage"/
node package/esm-module.mjs build/package-wasm/wasm/subsim.js "$stage/subsim.mjs"
cp build/package-wasm/wasm/subsim.wasm "$stage"/
node package/generate-types.mjs schema/result.schema.json "$stage/index.d.ts" package/functions.d.ts
(cd build/package && npm pack ./stage --silent >/dev/null)
ls build/package/subsim-*.tgz
