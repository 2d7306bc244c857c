using DePin.Index.Runtime.Tests.Fixtures;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.HostFunctions;

public class JsonAndDataSourceTests
{
    [Fact]
    public void Json_values_keep_number_text_and_sorted_keys()
    {
        using var h = new Harness("json");
        h.Run("handleJson");
        var r = h.Result("json");
        Assert.Equal("a,a2,m,z", r["keys"].AsString());
        Assert.Equal("1.50", r["numberText"].AsString());
        Assert.Equal(-7L, r["k"].AsInt8());
        Assert.Contains(h.Logs, l => l.Level == MappingLogLevel.Warning && l.Message.StartsWith("Failed to parse JSON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("handleBadJson", "Failed to parse JSON from byte array")]
    [InlineData("handleBadJsonNumber", "JSON `1.5` cannot be parsed as i64")]
    public void Json_errors_are_deterministic(string handler, string message)
    {
        using var h = new Harness("json");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run(handler));
        Assert.True(e.Message.Contains(message, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Data_source_functions_and_template_creation()
    {
        using var h = new Harness("datasource");
        h.DataSource = new DataSourceInfo
        {
            Name = "Registry",
            Network = "devnet",
            Address = Enumerable.Repeat((byte)0xab, 20).ToArray(),
            Context = new Entity([new("region", Value.FromString("eu-west"))]),
            Templates = ["Device"],
        };
        var result = h.Run("handleDataSource", new DePin.Index.Runtime.Triggers.BlockTrigger { Block = Harness.Block(9) });
        Assert.Equal("devnet", h.Result("datasource")["network"].AsString());
        Assert.Equal(2, result.CreatedDataSources.Count);
        var plain = result.CreatedDataSources[0];
        Assert.Equal("Device", plain.Template);
        Assert.Equal(["0x" + string.Concat(Enumerable.Repeat("cd", 20))], plain.Parameters);
        Assert.Null(plain.Context);
        Assert.Equal(9, plain.CreationBlock);
        var withContext = result.CreatedDataSources[1];
        Assert.Equal(["0x" + string.Concat(Enumerable.Repeat("ef", 20)), "extra"], withContext.Parameters);
        Assert.Equal("root", withContext.Context!["parent"].AsString());
        Assert.Equal(1, withContext.Context["depth"].AsInt());
        Assert.True(result.FuelConsumed > 0);
    }

    [Fact]
    public void Unknown_template_is_deterministic()
    {
        using var h = new Harness("datasource");
        h.DataSource = new DataSourceInfo { Name = "Registry", Templates = ["Device", "Other"] };
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleUnknownTemplate"));
        Assert.EndsWith(
            "Failed to create data source from name `NoSuchTemplate`: No template with this name in parent data source `Registry`. Available names: Device, Other.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Ens_and_ipfs_return_null_with_a_warning_for_ipfs()
    {
        using var h = new Harness("datasource");
        h.Run("handleMisc");
        var r = h.Result("misc");
        Assert.True(r["nameIsNull"].AsBool());
        Assert.True(r["fileIsNull"].AsBool());
        Assert.Contains(h.Logs, l => l.Level == MappingLogLevel.Warning && l.Message.Contains("ipfs.cat is not supported", StringComparison.Ordinal));
    }
}
