#!/usr/bin/env node
// Compiles every deploy/contracts/*.sol and deploy/contracts/protocol/*.sol (source names "X.sol" and
// "protocol/X.sol") with the pinned solc-js (standard JSON, optimizer 200 runs,
// evmVersion cancun) into deploy/build/<Contract>.json = { contractName, abi, bytecode, deployedBytecode }.
// Skips the compiler when the sources, the compiler version and the settings are unchanged
// (their SHA-256 is kept in deploy/build/.hash); --force recompiles anyway.
// Exits 1 on any compiler error (printed in full), 2 on a setup problem (no sources, no solc).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const contractsDir = join(here, 'contracts');
const buildDir = join(here, 'build');
const hashFile = join(buildDir, '.hash');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
const say = (msg) => { if (!quiet) console.log(msg); };

const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function fail(code, msg) {
  console.error(`compile.mjs: ${msg}`);
  process.exit(code);
}

const solFiles = (dir, prefix) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sol')).sort().map((f) => prefix + f) : [];
const files = [...solFiles(contractsDir, ''), ...solFiles(join(contractsDir, 'protocol'), 'protocol/')];
if (files.length === 0) fail(2, `no .sol files in ${contractsDir}`);
const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(contractsDir, f), 'utf8') }]));

const require = createRequire(import.meta.url);
let solcVersion;
try {
  solcVersion = require('solc/package.json').version;
} catch {
  fail(2, 'solc is not installed: run `npm ci` in deploy/');
}

const hash = createHash('sha256');
hash.update(`solc ${solcVersion}\n${JSON.stringify(settings)}\n`);
for (const f of files) hash.update(`${f}\n${sources[f].content.length}\n${sources[f].content}\n`);
const digest = hash.digest('hex');

function upToDate() {
  if (!existsSync(hashFile)) return false;
  const [stored, ...names] = readFileSync(hashFile, 'utf8').trim().split('\n');
  return stored === digest && names.length > 0 && names.every((n) => existsSync(join(buildDir, `${n}.json`)));
}

if (!force && upToDate()) {
  say(`contracts up to date (solc ${solcVersion}, ${files.length} sources)`);
  process.exit(0);
}

const solc = require('solc');
const input = { language: 'Solidity', sources, settings };
// Imports outside the given sources may only name files inside deploy/contracts/.
function findImports(path) {
  const full = resolve(contractsDir, path);
  if (!full.startsWith(contractsDir + '/') || !existsSync(full)) return { error: `import not found: ${path}` };
  return { contents: readFileSync(full, 'utf8') };
}

const started = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const diagnostics = output.errors ?? [];
const errors = diagnostics.filter((d) => d.severity === 'error');
for (const d of diagnostics.filter((x) => x.severity !== 'error')) {
  console.error(d.formattedMessage ?? `${d.severity}: ${d.message}`);
}
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage ?? `${e.type}: ${e.message}`);
  fail(1, `${errors.length} compiler error(s); nothing written`);
}

mkdirSync(buildDir, { recursive: true });
const written = [];
for (const file of Object.keys(output.contracts ?? {}).sort()) {
  for (const [name, c] of Object.entries(output.contracts[file])) {
    const bytecode = c.evm?.bytecode?.object ?? '';
    if (bytecode.length === 0) continue; // interfaces and abstract contracts cannot be deployed
    if (written.includes(name)) fail(1, `two contracts are named ${name}; build files are keyed by name`);
    const artifact = {
      contractName: name,
      abi: c.abi,
      bytecode: `0x${bytecode}`,
      deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    };
    const target = join(buildDir, `${name}.json`);
    const temp = `${target}.${process.pid}.tmp`; // concurrent runs (parallel tests) never share a temporary file
    writeFileSync(temp, `${JSON.stringify(artifact, null, 2)}\n`);
    renameSync(temp, target);
    written.push(name);
    say(`  ${name.padEnd(22)} ${(c.evm.deployedBytecode.object.length / 2).toString().padStart(6)} bytes deployed`);
  }
}
// Build files of contracts that no longer exist would mislead the deployer.
for (const f of readdirSync(buildDir)) {
  if (f.endsWith('.json') && !written.includes(f.slice(0, -5))) rmSync(join(buildDir, f), { force: true });
}
writeFileSync(`${hashFile}.${process.pid}.tmp`, `${digest}\n${written.join('\n')}\n`);
renameSync(`${hashFile}.${process.pid}.tmp`, hashFile);
say(`compiled ${files.length} sources into ${written.length} contracts with solc ${solcVersion} in ${Date.now() - started} ms`);
