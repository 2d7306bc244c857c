#!/usr/bin/env node
// Writes a subgraph's subgraph.yaml from its subgraph.template.yaml and the devnet's state file.
//
//   node render-manifest.mjs [--state FILE] [--dir SUBGRAPH_DIR] [--out FILE] [--zero]
//
// The template names deployed contracts as {{Name.address}} and {{Name.block}} (the block the
// contract was deployed in, used as the data source's startBlock). The state file is the one the
// devnet writes, <repo>/.devnet/state.json by default:
//   { "contracts": { "DeviceRegistry": { "address": "0x…", "block": 12 }, … } }
// --zero (or no --state and no default state file, or a state without contracts, or without any of
// the template's) renders zero addresses and block 0: enough to build the subgraph, not to index anything. --dir defaults to this script's folder, so the same
// script renders other subgraphs (the ERC-20 fixture). Exits 1 with a message naming the problem
// (missing contract, malformed address, unknown placeholder); rewrites subgraph.yaml only when its
// content changes.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const defaultState = join(repoRoot, '.devnet', 'state.json');

function fail(msg) {
  console.error(`render-manifest: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { dir: here, state: undefined, out: undefined, zero: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--state') opts.state = resolve(value());
    else if (a === '--dir') opts.dir = resolve(value());
    else if (a === '--out') opts.out = resolve(value());
    else if (a === '--zero') opts.zero = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node render-manifest.mjs [--state FILE] [--dir SUBGRAPH_DIR] [--out FILE] [--zero]');
      process.exit(0);
    } else fail(`unknown argument '${a}'`);
  }
  return opts;
}

function readContracts(statePath) {
  let state;
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch (e) {
    fail(`${statePath}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  if (state === null || typeof state.contracts !== 'object' || state.contracts === null || Array.isArray(state.contracts)) {
    fail(`${statePath}: expected an object with a "contracts" object`);
  }
  return state.contracts;
}

// The value for one placeholder, or a reason why there is none.
function lookup(contracts, name, field, source) {
  if (contracts === null) return field === 'address' ? '0x0000000000000000000000000000000000000000' : '0';
  const c = contracts[name];
  if (c === undefined) fail(`${source}: no contract "${name}" (has: ${Object.keys(contracts).sort().join(', ') || 'none'})`);
  if (field === 'address') {
    if (typeof c.address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(c.address)) {
      fail(`${source}: contracts.${name}.address must be a 0x-prefixed 20-byte hex address, got ${JSON.stringify(c.address)}`);
    }
    return c.address;
  }
  if (!Number.isSafeInteger(c.block) || c.block < 0) {
    fail(`${source}: contracts.${name}.block must be a non-negative integer, got ${JSON.stringify(c.block)}`);
  }
  return String(c.block);
}

function render(template, contracts, source) {
  return template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, expr) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\.(address|block)$/.exec(expr);
    if (!m) fail(`unknown placeholder ${whole} (expected {{Contract.address}} or {{Contract.block}})`);
    return lookup(contracts, m[1], m[2], source);
  });
}

const opts = parseArgs(process.argv.slice(2));
const templatePath = join(opts.dir, 'subgraph.template.yaml');
const outPath = opts.out ?? join(opts.dir, 'subgraph.yaml');
if (!existsSync(templatePath)) fail(`${templatePath}: no such file`);

const template = readFileSync(templatePath, 'utf8');
// The contract names the template's placeholders refer to.
function templateNames(text) {
  return [...text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\.(?:address|block)\s*\}\}/g)].map((m) => m[1]);
}

let contracts = null;
let source = 'zero addresses';
if (!opts.zero) {
  const statePath = opts.state ?? (existsSync(defaultState) ? defaultState : undefined);
  if (statePath !== undefined) {
    contracts = readContracts(statePath);
    source = statePath;
    if (Object.keys(contracts).length === 0) {
      // e.g. `depin devnet up --no-contracts`: nothing deployed yet, so nothing to point at.
      console.error(`render-manifest: ${statePath} lists no contracts: rendering zero addresses (builds, indexes nothing)`);
      contracts = null;
    } else if (!templateNames(template).some((n) => n in contracts)) {
      // A devnet that deployed another set (e.g. the DePIN contracts but not the protocol's): same as none.
      // Some of the template's contracts but not all is still an error (lookup names the missing one).
      console.error(`render-manifest: ${statePath} lists none of ${templatePath}'s contracts: rendering zero addresses (builds, indexes nothing)`);
      contracts = null;
    }
  } else {
    console.error(`render-manifest: no ${defaultState}: rendering zero addresses (builds, indexes nothing)`);
  }
}

const header = '# Generated from subgraph.template.yaml with the deployed contracts: edit the template, not this file.\n';
const output = header + render(template, contracts, source);
const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
if (current !== output) {
  writeFileSync(`${outPath}.tmp`, output);
  renameSync(`${outPath}.tmp`, outPath);
}
