// The package's functions over the WebAssembly module (subsim.mjs + subsim.wasm, built from the
// same sources as the command line): text in, the very bytes of `subsim run --json` /
// `subsim explain` out, parsed for the caller. `loadBytes` is how the entry point (node.js,
// browser.js) reads subsim.wasm, found relative to this module.
import SubSim from './subsim.mjs';

export const wasmUrl = new URL('./subsim.wasm', import.meta.url);

export function createApi(loadBytes) {
  let module;
  const load = () => (module ??= Promise.resolve(loadBytes(wasmUrl)).then((wasmBinary) => SubSim({ wasmBinary })));
  const text = (scenario) => (typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  const call = async (name, ...args) => (await load())[name](...args);
  return {
    load,
    simulateText: (scenario) => call('simulate', text(scenario)),
    simulate: async (scenario) => JSON.parse(await call('simulate', text(scenario))),
    validate: async (scenario) => JSON.parse(await call('validate', text(scenario))),
    explain: async (scenario, locale = '') => JSON.parse(await call('explain', text(scenario), locale)),
    narration: async (scenario, locale = '') => JSON.parse(await call('narration', text(scenario), locale)),
    catalogue: async () => JSON.parse(await call('catalogue')),
    version: () => call('version'),
  };
}
