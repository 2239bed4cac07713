#!/usr/bin/env bash
# Builds the static simulator page into build/site/ (open build/site/index.html from disk, or
# serve the folder with any static server).
#
#   bash web/build.sh            # needs the WebAssembly build in build/wasm (see wasm/CMakeLists.txt)
#
# Environment: SUBSIM_WASM_DIR (default build/wasm/wasm), SUBSIM_SITE_DIR (default build/site).
# The source is ES modules in web/src; esbuild (web/package.json) bundles each entry point into
# the classic script file:// needs (it loads no ES modules): app.js (the page), subsim-embed.js
# (the <subsim-timeline> element), embed-page.js (embed.html) and article.js. Also generated:
# the bundled scenarios' index (titles, bundled into app.js), one script per scenario
# (scenarios/<file>.js, loaded when picked: file:// cannot fetch) and subsim-wasm.js (the wasm in
# base64, for file:// and other origins, where the binary cannot be fetched).
# The authoring tools (web/src/authoring/build.mjs): authoring.js + authoring.css and the authors'
# module subsim-authoring.js/.wasm (+ subsim-authoring-wasm.js), loaded only when an author opens
# the tools, so the reader's first load carries none of them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wasm_dir="${SUBSIM_WASM_DIR:-$root/build/wasm/wasm}"
site="${SUBSIM_SITE_DIR:-$root/build/site}"
gen="$root/build/web-gen"

for f in subsim.js subsim.wasm subsim-authoring.js subsim-authoring.wasm; do
  if [ ! -f "$wasm_dir/$f" ]; then
    echo "web/build.sh: $wasm_dir/$f is missing; build the WebAssembly module first:" >&2
    echo "  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DSUBSIM_NLOHMANN_INCLUDE_DIR=... && cmake --build build/wasm" >&2
    exit 1
  fi
done
esbuild="$root/web/node_modules/.bin/esbuild"
[ -x "$esbuild" ] || (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
[ -d "$root/web/src/authoring/node_modules/@codemirror/view" ] || (cd "$root/web/src/authoring" && npm ci --no-audit --no-fund --loglevel=error)

rm -rf "$site" "$gen"
mkdir -p "$site/scenarios" "$gen"
cp "$root"/web/index.html "$root"/web/favicon.svg "$root"/web/embed.html "$site"/
cp "$wasm_dir/subsim.wasm" "$wasm_dir/subsim-authoring.js" "$wasm_dir/subsim-authoring.wasm" "$site"/

minify="--minify"; [ "${SUBSIM_WEB_MINIFY:-1}" = 0 ] && minify=""
# Scripts every visit runs (the page, the embeds, the reader's engine glue) start with V8's
# compile hint: their functions are compiled while the file streams in, off the main thread,
# instead of one by one on their first call.
hint='//# allFunctionsCalledOnLoad'
"$esbuild" "$wasm_dir/subsim.js" $minify --banner:js="$hint" --log-level=warning --outfile="$site/subsim.js"
for css in style.css timeline.css embed-page.css article.css; do
  "$esbuild" "$root/web/$css" $minify --log-level=warning --outfile="$site/$css"
done
cat "$root/web/timeline.css" "$root/web/embed.css" | "$esbuild" --loader=css $minify --log-level=warning > "$site/subsim-embed.css"

# Generated data: the scenario index, one script per scenario, the wasm in base64, the articles.
node "$root/web/generate.mjs" "$root/scenarios" "$site" "$gen" "$wasm_dir/subsim.wasm" "$root/web" "$wasm_dir/subsim-authoring.wasm"

bundle() {   # bundle ENTRY OUTPUT [esbuild options]
  "$esbuild" "$root/web/src/$1" --bundle --format=iife --target=es2020 $minify --legal-comments=none \
    --loader:.css=text --alias:@subsim/scenario-index="$gen/scenario-index.json" \
    --outfile="$site/$2" --log-level=warning "${@:3}"
}
bundle page/main.js app.js --banner:js="$hint"
bundle embed-element.js subsim-embed.js --banner:js="$hint"
bundle embed-page.js embed-page.js --banner:js="$hint"
bundle engine-worker.js subsim-worker.js
bundle article.js article.js
node "$root/web/src/authoring/build.mjs" "$site/authoring.js" >/dev/null
echo "web/build.sh: $(ls "$site/scenarios" | wc -l) scenarios, site in $site"
