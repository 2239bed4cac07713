/* Bundles the authoring tools (web/src/authoring/index.js) into one classic script,
 * build/site/authoring.js by default, that the page loads only when an author opens the editor
 * or the builder, and authoring.css beside it; it defines window.SubsimAuthoring (see README.md). The schema and the
 * templates (from scenarios/*.json, templates.mjs) are bundled in as JSON.
 *
 *   node web/src/authoring/build.mjs [OUTFILE]     (npm ci in web/src/authoring first)
 * Environment: SUBSIM_WEB_MINIFY=0 keeps it readable. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildTemplates } from './templates.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const outfile = path.resolve(process.argv[2] || path.join(root, 'build', 'site', 'authoring.js'));
const gen = path.join(root, 'build', 'authoring-gen');
fs.mkdirSync(gen, { recursive: true });
fs.writeFileSync(path.join(gen, 'templates.json'), JSON.stringify(buildTemplates(path.join(root, 'scenarios'))));

await esbuild.build({
  entryPoints: [path.join(here, 'index.js')],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: process.env.SUBSIM_WEB_MINIFY !== '0',
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
  loader: { '.css': 'text' },
  alias: {
    '@subsim/scenario-schema': path.join(root, 'schema', 'scenario.schema.json'),
    '@subsim/templates': path.join(gen, 'templates.json'),
  },
  nodePaths: [path.join(here, 'node_modules')],
});
fs.copyFileSync(path.join(here, 'authoring.css'), path.join(path.dirname(outfile), 'authoring.css'));
console.log('authoring: ' + path.relative(root, outfile) + ' ' + fs.statSync(outfile).size + ' bytes');
