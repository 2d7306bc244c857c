#!/usr/bin/env bash
# The issue's done-when on the devnet, end to end through the `depin` CLI, then the network subgraph over GraphQL:
# an operator stakes and allocates, a curator signals, a delegator delegates, a payer deposits and signs vouchers, the
# indexer redeems them (before and after its query-fee cut applies), and subgraphs/network answers with the balances
# and splits — printed next to the contracts' own view (`depin indexer status`).
#
#   ./depin up --no-simulate            # devnet + node + subgraphs depin and network deployed
#   subgraphs/network/demo.sh [--dir DEVNET_DIR]
#
# Keys: anvil's well-known development accounts 0-3 (public test keys; account 0 is the devnet's deployer and the
# token's minter). GraphQL: $DEPIN_GRAPHQL_URL, default http://127.0.0.1:8000. Each step prints what it runs; the
# first failing step stops the script with its error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/.devnet"
if [ "${1:-}" = "--dir" ]; then dir="$(cd "$2" && pwd)"; fi
graphql="${DEPIN_GRAPHQL_URL:-http://127.0.0.1:8000}/subgraphs/name/network"
depin="$root/depin"

K0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80   # payer, minter
K1=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d   # indexer
K2=0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a   # curator
K3=0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6   # delegator
A0=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
A1=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
A2=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
A3=0x90F79bf6EB2c4f870365E785982E1f101E93b906

run() { local key=$1; shift; echo "+ depin $*" >&2; DEPIN_PRIVATE_KEY=$key "$depin" "$@" --dir "$dir"; }
rpc="$("$depin" devnet env --dir "$dir" | sed -n "s/^export DEPIN_TEST_RPC_URL='\(.*\)'$/\1/p")"
[ -n "$rpc" ] || { echo "demo.sh: no devnet in $dir (run ./depin up --no-simulate first)" >&2; exit 1; }
mine() { curl -sf -X POST "$rpc" -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"anvil_mine\",\"params\":[\"$(printf '0x%x' "$1")\"]}" >/dev/null; }

# A deployment id to publish: a fresh one per run (the registry takes each id once).
id="0x$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

run $K0 token mint $A0 100000 >/dev/null
run $K0 token mint $A1 1000000 >/dev/null
run $K0 token mint $A2 100000 >/dev/null
run $K0 token mint $A3 100000 >/dev/null
run $K1 indexer stake 200000 >/dev/null
run $K1 subgraph publish "$id" --name demo --network devnet >/dev/null
run $K2 curate signal "$id" 5000 --yes >/dev/null
run $K3 delegate add $A1 20000 --yes >/dev/null
run $K1 indexer allocate "$id" 50000 >/dev/null
run $K0 fees deposit 10000 >/dev/null
vfile="$(mktemp)"; trap 'rm -f "$vfile"' EXIT
voucher() {
  rm -f "$vfile"
  echo "+ depin fees voucher --value $1 -o FILE" >&2
  DEPIN_PRIVATE_KEY=$K0 "$depin" fees voucher --indexer $A1 --deployment "$id" --value "$1" -o "$vfile" --dir "$dir" >/dev/null
  run $K1 fees redeem "$vfile" >/dev/null
}
voucher 1000                                  # the cut in force is 100%: all of the rest to the indexer
run $K1 indexer set-cut 60 >/dev/null         # 60% from 10 blocks on (the devnet's cooldown)
mine 12
voucher 3000                                  # 2,000 more, split 60/40 between the indexer and its delegators
sleep 2                                       # let the node index the last block

q='{ graphNetwork(id: \"1\") { totalSupply totalBurned totalTokensStaked totalDelegatedTokens totalTokensSignalled totalEscrowBalance totalQueryFees totalProtocolTax totalCuratorFees totalIndexerFees totalDelegatorFees } indexers { id stakedTokens allocatedTokens availableStake delegatedTokens delegationShares queryFeeCut pendingQueryFeeCut } subgraphDeployments(where: { id: \"'"$id"'\" }) { ipfsHash signalledTokens signalAmount allocatedTokens signals { curator { id } signal } } queryFeeRedemptions(orderBy: block) { amount protocolTax curationFees indexerFees delegatorFees queryFeeCut } _meta { block { number } hasIndexingErrors } }'
echo "== subgraphs/network over GraphQL ($graphql)"
curl -sf "$graphql" -H 'content-type: application/json' -d "{\"query\":\"$q\"}" | python3 -m json.tool
echo "== the contracts (depin indexer status)"
"$depin" indexer status $A1 --dir "$dir"
