// Entry point for browsers and bundlers: subsim.wasm fetched relative to this module; bundlers
// that understand `new URL('./subsim.wasm', import.meta.url)` (webpack 5, Vite, Parcel) copy it.
import { createApi } from './api.js';

const api = createApi(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()));
export const { load, simulate, simulateText, validate, explain, narration, catalogue, version } = api;
