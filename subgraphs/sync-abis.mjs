#!/usr/bin/env node
// Writes a subgraph's contract ABIs from the compiled contracts:
//
//   node sync-abis.mjs SUBGRAPH_DIR [BUILD_DIR]
//
// For every `abis/<Name>.json` the subgraph's manifest (subgraph.template.yaml, else subgraph.yaml)
// names, and for which deploy/build/<Name>.json exists (node deploy/compile.mjs writes it), the
// file is (re)written with that artifact's "abi" array — so the subgraph always sees the ABI of the
// contracts that are deployed, never a hand-copied one. ABIs of contracts this repo does not compile
// (e.g. the standard ERC-20 ABI of a fixture) stay as committed. Exits 1 naming the missing file
// when an ABI is neither compiled nor present. Rewrites a file only when its content changes.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [dirArg, buildArg] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: node sync-abis.mjs SUBGRAPH_DIR [BUILD_DIR]');
  process.exit(2);
}
const dir = resolve(dirArg);
const buildDir = resolve(buildArg ?? join(here, '..', 'deploy', 'build'));
const fail = (msg) => {
  console.error(`sync-abis: ${msg}`);
  process.exit(1);
};

const manifest = ['subgraph.template.yaml', 'subgraph.yaml'].map((f) => join(dir, f)).find(existsSync);
if (!manifest) fail(`${dir}: no subgraph.template.yaml or subgraph.yaml`);
const names = [...new Set([...readFileSync(manifest, 'utf8').matchAll(/file:\s*["']?(?:\.\/)?abis\/([A-Za-z0-9_.-]+)\.json/g)].map((m) => m[1]))];

for (const name of names) {
  const target = join(dir, 'abis', `${name}.json`);
  const artifact = join(buildDir, `${name}.json`);
  if (!existsSync(artifact)) {
    if (!existsSync(target)) fail(`${target} is missing and there is no compiled ${artifact} (run \`node deploy/compile.mjs\`)`);
    continue;
  }
  let abi;
  try {
    abi = JSON.parse(readFileSync(artifact, 'utf8')).abi;
  } catch (e) {
    fail(`${artifact}: ${e.message}`);
  }
  if (!Array.isArray(abi)) fail(`${artifact}: no "abi" array`);
  const text = `${JSON.stringify(abi, null, 2)}\n`;
  if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}
