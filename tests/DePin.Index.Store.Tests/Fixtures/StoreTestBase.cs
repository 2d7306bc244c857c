using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Layout;

namespace DePin.Index.Store.Tests.Fixtures;

/// <summary>A test class with its own store connection; each test creates the deployments it needs (each its own sgdN schema).</summary>
public abstract class StoreTestBase(PostgresFixture pg) : IAsyncLifetime
{
    protected PostgresFixture Pg { get; } = pg;

    protected SubgraphStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await Pg.OpenStoreAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected Task<DeploymentStore> NewDeploymentAsync(string? schemaText = null, DdlOptions? options = null) =>
        Store.CreateDeploymentAsync(new DeploymentSpec(PostgresFixture.NewDeploymentId(), schemaText ?? File.ReadAllText(TestSchemas.DepinPath), "", "devnet"),
            options);

    /// <summary>The layouts tests run under: graph-node's (the default) and <see cref="DdlOptions.BulkSync"/>.</summary>
    public static TheoryData<string> Layouts() => ["default", "bulk sync"];

    protected static DdlOptions Options(string layout) => layout == "bulk sync" ? DdlOptions.BulkSync : DdlOptions.Default;

    protected static BlockPtr Ptr(int n) => new(n, Hash32.Of("block " + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    protected static WriteBatch Batch(int cursor, params EntityModification[] modifications) => new(Ptr(cursor), modifications);

    /// <summary>Every row of every table of the deployment plus its metadata, as text: equal dumps mean equal stores.</summary>
    protected async Task<string> DumpAsync(DeploymentStore d)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in d.Layout.Tables)
        {
            sb.Append("-- ").Append(t.Name).Append('\n').Append(await Pg.DumpAsync($"select * from {t.QualifiedName} order by vid"));
        }

        sb.Append("-- meta\n").Append(await Pg.DumpAsync(
            $"select latest_block_number, latest_block_hash, entity_count, earliest_block from subgraphs.deployment where id = '{d.DeploymentId}'"));
        sb.Append("-- poi\n").Append(await Pg.DumpAsync($"select block_number, digest from subgraphs.poi where deployment = '{d.DeploymentId}' order by 1"));
        sb.Append("-- dds\n").Append(await Pg.DumpAsync(
            $"select block_number, seq, name, address, params, context from subgraphs.dynamic_data_source where deployment = '{d.DeploymentId}' order by 1, 2"));
        return sb.ToString();
    }

    /// <summary>Live entities counted from the tables (to check the metadata's running count).</summary>
    protected async Task<long> CountLiveAsync(DeploymentStore d)
    {
        long n = 0;
        foreach (var t in d.Layout.Tables)
        {
            n += await Pg.ScalarAsync<long>(t.Immutable
                ? $"select count(*) from {t.QualifiedName}"
                : $"select count(*) from {t.QualifiedName} where upper_inf(block_range)");
        }

        return n;
    }
}
