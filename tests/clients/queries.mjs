// The Graph-style queries with graphql-request against a live node: variables, fragments, pagination by id_gt, time travel.
// usage: node queries.mjs <http url of /subgraphs/name/...> <time-travel block>
// prints one JSON object on stdout; exits 1 with the reason on stderr when a query fails.
import { GraphQLClient, gql } from 'graphql-request';

const [url, travelBlock] = process.argv.slice(2);
if (!url || !travelBlock) {
  console.error('usage: node queries.mjs URL BLOCK');
  process.exit(2);
}
const client = new GraphQLClient(url);

const DeviceFields = gql`
  fragment DeviceFields on Device { id kind rewards active }
`;

try {
  // variables + fragment
  const byKind = await client.request(gql`
    ${DeviceFields}
    query ByKind($kind: String!, $first: Int!) {
      devices(first: $first, where: { kind: $kind }, orderBy: rewards, orderDirection: desc) { ...DeviceFields proofs { id } }
    }`, { kind: 'storage', first: 3 });

  // pagination by id_gt, the way The Graph recommends it
  const all = [];
  let last = '';
  for (let page = 0; page < 100; page++) {
    const r = await client.request(gql`
      query Page($last: ID!) { devices(first: 7, orderBy: id, where: { id_gt: $last }) { id } }`, { last });
    if (r.devices.length === 0) break;
    all.push(...r.devices.map(d => d.id));
    last = r.devices[r.devices.length - 1].id;
  }

  // time travel: the same entity now and at an older block
  const travel = await client.request(gql`
    query Travel($id: ID!, $block: Int!) {
      now: device(id: $id) { id rewards }
      then: device(id: $id, block: { number: $block }) { id rewards }
      _meta { block { number } deployment }
    }`, { id: 'd01', block: Number(travelBlock) });

  console.log(JSON.stringify({ byKind: byKind.devices, pages: all, travel }));
} catch (e) {
  console.error(`query failed: ${e.message}`);
  process.exit(1);
}
