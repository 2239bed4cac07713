// Entry point for Node: subsim.wasm read from disk beside this module.
import { readFile } from 'node:fs/promises';
import { createApi } from './api.js';

const api = createApi((url) => readFile(url));
export const { load, simulate, simulateText, validate, explain, narration, catalogue, version } = api;
