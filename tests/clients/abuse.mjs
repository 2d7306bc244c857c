// Abuse from the client side while another client keeps asking normal questions: depth 1000, first: 1000000000, a 1 MB
// document, injection strings in string filters. Prints a JSON summary: how each abusive request was answered and how many
// normal answers were right. Exits 1 when an abusive request got data or a normal one failed.
// usage: node abuse.mjs <http url of /subgraphs/name/...>
import { GraphQLClient, gql } from 'graphql-request';

const [url] = process.argv.slice(2);
const normal = new GraphQLClient(url);
const raw = async (query, variables) => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  let body = null;
  try { body = await r.json(); } catch { body = null; }
  return { status: r.status, hasData: !!(body && body.data && Object.values(body.data).some(v => v !== null && !(Array.isArray(v) && v.length === 0))), errors: body?.errors?.map(e => e.message) ?? [] };
};

const deep = '{ ' + 'devices { proofs { device { '.repeat(334) + 'id' + ' } } }'.repeat(334) + ' }';
const injections = ["' OR 1=1 --", "\"; drop table device; --", "%' union select * from pg_user --", "\\x00\u0000", "Robert'); DROP TABLE Students;--"];
const abuse = [
  ['depth 1000', () => raw(deep)],
  ['first 1e9', () => raw('{ devices(first: 1000000000) { id } }')],
  ['skip 1e9', () => raw('{ devices(skip: 1000000000) { id } }')],
  ['1 MB document', () => raw('{ devices { id } }' + ' '.repeat(1024 * 1024))],
  ['1 MB of fields', () => raw('{ devices { ' + 'id '.repeat(350000) + '} }')],
  ...injections.map(s => [`injection ${JSON.stringify(s)}`, () => raw('query($s: String!) { devices(where: { kind: $s, name_contains: $s }) { id } }', { s })]),
  ...injections.map(s => [`inline injection ${JSON.stringify(s)}`, () => raw(`{ devices(where: { name_starts_with: ${JSON.stringify(s)} }) { id } }`)]),
];

let stop = false;
let normalOk = 0;
let normalBad = 0;
const normalLoop = (async () => {
  while (!stop) {
    try {
      const r = await normal.request(gql`{ devices(first: 3, orderBy: id) { id } }`);
      if (r.devices.length === 3 && r.devices[0].id === 'd00') normalOk++; else normalBad++;
    } catch { normalBad++; }
  }
})();

const results = [];
for (let round = 0; round < 2; round++) {
  results.push(...await Promise.all(abuse.map(async ([name, run]) => {
    try { return { name, ...(await run()) }; } catch (e) { return { name, status: 0, hasData: false, errors: [String(e)] }; }
  })));
}
// injection strings are plain values: they may match nothing (data with an empty list) but never anything else
const bad = results.filter(r => r.name.includes('injection') ? r.hasData : (r.hasData || r.errors.length === 0));
await new Promise(r => setTimeout(r, 300));
stop = true;
await normalLoop;
console.log(JSON.stringify({ results, normalOk, normalBad, bad: bad.map(b => b.name) }));
if (bad.length > 0 || normalBad > 0 || normalOk === 0) process.exit(1);
