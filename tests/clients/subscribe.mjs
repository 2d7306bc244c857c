// A graphql-ws client (graphql-transport-ws) subscribing to a device; prints each result as a JSON line with the time it arrived
// (Unix microseconds), so the caller can measure block committed → client received.
// usage: node subscribe.mjs <ws url of /subgraphs/name/...> <device id>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, id] = process.argv.slice(2);
if (!url || !id) {
  console.error('usage: node subscribe.mjs URL DEVICE_ID');
  process.exit(2);
}
const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
client.subscribe(
  { query: 'subscription Watch($id: ID!) { device(id: $id) { id rewards } _meta { block { number } } }', variables: { id } },
  {
    next: value => console.log(JSON.stringify({ at: nowMicros(), value })),
    error: err => { console.error(`subscription error: ${JSON.stringify(err?.message ?? err)}`); process.exit(1); },
    complete: () => process.exit(0),
  },
);
process.stdin.on('end', () => { client.dispose(); process.exit(0); });
process.stdin.resume();
