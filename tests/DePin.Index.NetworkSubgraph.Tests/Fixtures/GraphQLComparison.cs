using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.GraphQL;
using DePin.Index.Protocol;
using DePin.Index.Store;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// Reads the network subgraph through the GraphQL engine (The Graph's API generated from schema.graphql, executed over
/// PostgreSQL) and compares what it answers with the contracts' getters: indexers with their delegations, deployments with
/// their pools and curators' signal, escrows, the network totals, and every redemption's split with its event.
/// </summary>
internal static class GraphQLComparison
{
    private const string Query = """
        {
          graphNetwork(id: "1") { totalSupply totalBurned totalTokensStaked totalDelegatedTokens totalTokensSignalled totalEscrowBalance
                                  totalQueryFees totalProtocolTax totalCuratorFees totalIndexerFees totalDelegatorFees }
          indexers(first: 100, orderBy: id) {
            id stakedTokens thawingTokens allocatedTokens queryFeeCut pendingQueryFeeCut delegatedTokens delegationShares availableStake
            delegators(first: 100) { delegator { id } shares lockedTokens lockedUntilEpoch }
          }
          subgraphDeployments(first: 100) { id ipfsHash deprecated signalledTokens signalAmount signals(first: 100) { curator { id } signal } }
          payers(first: 100) { id escrowBalance thawingTokens }
          queryFeeRedemptions(first: 1000) { tx amount protocolTax curationFees indexerFees delegatorFees }
        }
        """;

    public static async Task<Mismatches> RunAsync(string connectionString, string deploymentId, ProtocolClient client, ProtocolScenario scenario)
    {
        await using var store = await SubgraphStore.OpenAsync(connectionString);
        await using var engine = GraphQLEngine.Create(store, connectionString);
        var result = await engine.ExecuteAsync(deploymentId, new GraphQLQuery(Query));
        Assert.False(result.HasErrors, result.Json);
        using var doc = JsonDocument.Parse(result.Utf8Json);
        var data = doc.RootElement.GetProperty("data");
        var m = new Mismatches();

        static BigInteger Big(JsonElement e, string f) => BigInteger.Parse(e.GetProperty(f).GetString()!, CultureInfo.InvariantCulture);
        static long Int(JsonElement e, string f) => e.GetProperty(f).ValueKind == JsonValueKind.Number
            ? e.GetProperty(f).GetInt64()
            : long.Parse(e.GetProperty(f).GetString()!, CultureInfo.InvariantCulture);
        static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

        var indexers = data.GetProperty("indexers").EnumerateArray().ToList();
        m.True(indexers.Count > 0, "GraphQL answered no indexer");
        foreach (var ix in indexers)
        {
            var address = Address.Parse(Id(ix));
            var stake = await client.Staking.GetStakeAsync(address);
            var pool = await client.Staking.GetDelegationPoolAsync(address);
            var w = $"GraphQL indexer {address}";
            m.Equal(stake.Staked, Big(ix, "stakedTokens"), $"{w}.stakedTokens");
            m.Equal(stake.Thawing, Big(ix, "thawingTokens"), $"{w}.thawingTokens");
            m.Equal(stake.Allocated, Big(ix, "allocatedTokens"), $"{w}.allocatedTokens");
            m.Equal(stake.StoredQueryFeeCut, Int(ix, "queryFeeCut"), $"{w}.queryFeeCut");
            m.Equal(stake.PendingQueryFeeCut, Int(ix, "pendingQueryFeeCut"), $"{w}.pendingQueryFeeCut");
            m.Equal(pool.Tokens, Big(ix, "delegatedTokens"), $"{w}.delegatedTokens");
            m.Equal(pool.Shares, Big(ix, "delegationShares"), $"{w}.delegationShares");
            m.Equal(await client.Staking.AvailableStakeAsync(address), Big(ix, "availableStake"), $"{w}.availableStake");
            var shares = BigInteger.Zero;
            foreach (var d in ix.GetProperty("delegators").EnumerateArray())
            {
                var delegator = Address.Parse(Id(d.GetProperty("delegator")));
                var record = await client.Staking.GetDelegationRecordAsync(address, delegator);
                m.Equal(record.Shares, Big(d, "shares"), $"{w} delegator {delegator}.shares");
                m.Equal(record.LockedTokens, Big(d, "lockedTokens"), $"{w} delegator {delegator}.lockedTokens");
                m.Equal(record.LockedUntilEpoch, (long)Big(d, "lockedUntilEpoch"), $"{w} delegator {delegator}.lockedUntilEpoch");
                shares += Big(d, "shares");
            }

            m.Equal(pool.Shares, shares, $"{w}: Σ delegators' shares = pool shares");
        }

        var deployments = data.GetProperty("subgraphDeployments").EnumerateArray().ToList();
        m.Equal(scenario.Deployments.Count, deployments.Count, "GraphQL subgraphDeployments");
        foreach (var d in deployments)
        {
            var id = DeploymentId.Parse(Id(d));
            var pool = await client.Curation.GetPoolAsync(id);
            var info = await client.GetDeploymentAsync(id);
            var w = $"GraphQL deployment {id}";
            m.Equal(id.ToCid(), d.GetProperty("ipfsHash").GetString(), $"{w}.ipfsHash");
            m.Equal(info?.Deprecated, d.GetProperty("deprecated").GetBoolean(), $"{w}.deprecated");
            m.Equal(pool.Tokens, Big(d, "signalledTokens"), $"{w}.signalledTokens");
            m.Equal(pool.Signal, Big(d, "signalAmount"), $"{w}.signalAmount");
            var signal = BigInteger.Zero;
            foreach (var s in d.GetProperty("signals").EnumerateArray())
            {
                var curator = Address.Parse(Id(s.GetProperty("curator")));
                m.Equal(await client.Curation.SignalOfAsync(id, curator), Big(s, "signal"), $"{w} curator {curator}.signal");
                signal += Big(s, "signal");
            }

            m.Equal(pool.Signal, signal, $"{w}: Σ curators' signal = pool signal");
        }

        foreach (var p in data.GetProperty("payers").EnumerateArray())
        {
            var escrow = await client.GetEscrowAsync(Address.Parse(Id(p)));
            m.Equal(escrow.Balance, Big(p, "escrowBalance"), $"GraphQL payer {Id(p)}.escrowBalance");
            m.Equal(escrow.Thawing, Big(p, "thawingTokens"), $"GraphQL payer {Id(p)}.thawingTokens");
        }

        var n = data.GetProperty("graphNetwork");
        m.Equal(await client.Token.TotalSupplyAsync(), Big(n, "totalSupply"), "GraphQL graphNetwork.totalSupply");
        m.Equal(await client.Token.TotalBurnedAsync(), Big(n, "totalBurned"), "GraphQL graphNetwork.totalBurned");
        var contracts = client.Addresses.ByName;
        m.Equal(await client.Token.BalanceOfAsync(contracts["Curation"]), Big(n, "totalTokensSignalled"), "GraphQL graphNetwork.totalTokensSignalled");
        m.Equal(await client.Token.BalanceOfAsync(contracts["FeeSettlement"]), Big(n, "totalEscrowBalance"), "GraphQL graphNetwork.totalEscrowBalance");

        var events = scenario.Events.Where(e => e.Name == "QueryFeesCollected").ToDictionary(e => e.Log.TransactionHash.ToHex(), StringComparer.Ordinal);
        var redemptions = data.GetProperty("queryFeeRedemptions").EnumerateArray().ToList();
        m.Equal(events.Count, redemptions.Count, "GraphQL queryFeeRedemptions");
        string[] parts = ["amount", "protocolTax", "curationFees", "indexerFees", "delegatorFees"];
        string[] totals = ["totalQueryFees", "totalProtocolTax", "totalCuratorFees", "totalIndexerFees", "totalDelegatorFees"];
        var sums = new BigInteger[parts.Length];
        foreach (var r in redemptions)
        {
            var tx = r.GetProperty("tx").GetString()!;
            if (!events.TryGetValue(tx, out var ev))
            {
                m.True(false, $"GraphQL redemption {tx} has no QueryFeesCollected event");
                continue;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                m.Equal(ev.Get<BigInteger>(parts[i]), Big(r, parts[i]), $"GraphQL redemption {tx}.{parts[i]}");
                sums[i] += Big(r, parts[i]);
            }
        }

        for (var i = 0; i < parts.Length; i++) m.Equal(sums[i], Big(n, totals[i]), $"GraphQL graphNetwork.{totals[i]} = Σ redemptions' {parts[i]}");
        return m;
    }
}
