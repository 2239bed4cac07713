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
  // The reference date of relative dates ("today", "today+P10D"; SPEC-v2 §8.2): options.today as
  // "YYYY-MM-DD"; without it the module takes the host's local calendar date, as the CLI does
  // without --today.
  const today = (options) => options?.today;
  return {
    load,
    simulateText: (scenario, options) => call('simulate', text(scenario), today(options)),
    simulate: async (scenario, options) => JSON.parse(await call('simulate', text(scenario), today(options))),
    validate: async (scenario, options) => JSON.parse(await call('validate', text(scenario), today(options))),
    explain: async (scenario, locale = '', options) => JSON.parse(await call('explain', text(scenario), locale, today(options))),
    narration: async (scenario, locale = '', options) => JSON.parse(await call('narration', text(scenario), locale, today(options))),
    catalogue: async () => JSON.parse(await call('catalogue')),
    version: () => call('version'),
  };
}
