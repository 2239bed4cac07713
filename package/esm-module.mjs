// Makes Emscripten 3.1.6's -sEXPORT_ES6 output loadable as an ES module in Node: its Node branch
// still sets `scriptDirectory = __dirname + "/"`, and __dirname does not exist in ES modules. The
// directory is the module's own (import.meta.url); nothing else changes. Fails loudly when the
// expected text is not there exactly once (another Emscripten), rather than shipping a module that
// throws on load. Usage: node esm-module.mjs IN.js OUT.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const from = 'scriptDirectory=__dirname+"/"';
const to = 'scriptDirectory=new URL(".",import.meta.url).pathname';
const text = readFileSync(input, 'utf8');
if (text.split(from).length !== 2 || !text.includes('export default SubSim')) {
  console.error(`esm-module.mjs: ${input} is not the Emscripten ES module this step expects`);
  process.exit(1);
}
const patched = text.replace(from, to);
if (patched.includes('__dirname') || patched.includes('__filename')) {
  console.error(`esm-module.mjs: ${input} still uses __dirname/__filename`);
  process.exit(1);
}
writeFileSync(output, patched);
