using System.Numerics;
using DePin.Index.Runtime.Tests.Fixtures;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.HostFunctions;

public class StoreTests
{
    private static TestSchema Schema() => new TestSchema()
        .Type("Thing", ValueKind.String, "name", "count", "big", "ratio", "flag", "owner", "data", "large", "at", "tags", "nothing")
        .Type("Device", ValueKind.String, "owner")
        .Type("Owner", ValueKind.String)
        .Derived("Owner", "devices", "Device", "owner")
        .OpenType("Result");

    private static Entity Existing() => new([
        new("id", Value.FromString("existing")),
        new("name", Value.FromString("from host")),
        new("count", Value.FromInt(7)),
    ]);

    [Fact]
    public void Every_value_kind_round_trips_and_reaches_the_store()
    {
        using var h = new Harness("store", schema: Schema());
        h.Store.Set("Thing", "existing", Existing());
        h.Store.BeginBlock();
        h.Run("handleRoundTrip");

        var r = h.Result("store");
        Assert.Equal("from host", r["existingName"].AsString());
        Assert.Equal(7, r["existingCount"].AsInt());
        Assert.True(r["missingIsNull"].AsBool());
        Assert.True(r["inBlockNew"].AsBool());
        Assert.False(r["inBlockExisting"].AsBool());
        Assert.True(r["removedIsNull"].AsBool());
        Assert.Null(h.Store.Get("Thing", "existing"));

        var t = h.Store.Get("Thing", "t1")!;
        Assert.Equal("t1", t["id"].AsString());
        Assert.Equal("Thing ✓", t["name"].AsString());
        Assert.Equal(-42, t["count"].AsInt());
        Assert.Equal(BigInteger.Parse("-123456789012345678901234567890"), t["big"].AsBigInt());
        Assert.Equal(BigDecimal.Parse("-0.125"), t["ratio"].AsBigDecimal());
        Assert.True(t["flag"].AsBool());
        Assert.Equal("0x00000000000000000000000000000000000000ff", t["owner"].ToString());
        Assert.Equal("0xdeadbeef", t["data"].ToString());
        Assert.Equal(-9_000_000_000L, t["large"].AsInt8());
        Assert.Equal(1_700_000_000_123_456L, t["at"].AsTimestamp());
        Assert.Equal([Value.FromString("a"), Value.FromString("b")], t["tags"].AsArray());
        Assert.True(t["nothing"].IsNull);
    }

    [Fact]
    public void Store_set_adds_the_id()
    {
        using var h = new Harness("store");
        h.Run("handleImplicitId");
        Assert.Equal("implicit", h.Store.Get("Thing", "implicit")!["id"].AsString());
    }

    [Fact]
    public void Conflicting_id_fails_deterministically()
    {
        using var h = new Harness("store");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleIdConflict"));
        Assert.Contains("conflicts with ID passed to `store.set()`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_fields_fail_from_api_0_0_8_and_are_dropped_before()
    {
        using (var h = new Harness("store", "0.0.9", schema: Schema()))
        {
            var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleUndefinedField"));
            Assert.Contains("Attempted to set undefined fields [bogus] for the entity type `Thing`", e.Message, StringComparison.Ordinal);
        }

        using (var h = new Harness("store", "0.0.7", schema: Schema()))
        {
            h.Run("handleUndefinedField");
            var stored = h.Store.Get("Thing", "x")!;
            Assert.False(stored.Contains("bogus"));
            Assert.Equal("x", stored["name"].AsString());
        }
    }

    [Fact]
    public void Schema_validation_failure_is_deterministic()
    {
        var schema = Schema().Validator("Thing", e => e.Contains("count") ? null : "Entity Thing[x]: missing value for non-nullable field `count`");
        using var h = new Harness("store", "0.0.7", schema: schema);
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleUndefinedField"));
        Assert.EndsWith("missing value for non-nullable field `count`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_entity_type_fails_with_a_schema()
    {
        using var h = new Harness("store", schema: new TestSchema().OpenType("Result"));
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleImplicitId"));
        Assert.Contains("Cannot set entity of type `Thing`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_handler_leaves_no_changes()
    {
        using var h = new Harness("store");
        h.Store.Set("Thing", "existing", Existing());
        var writes = h.Store.WriteCount;
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleWriteThenAbort"));
        Assert.Contains("changed my mind", e.Message, StringComparison.Ordinal);
        Assert.Equal(writes, h.Store.WriteCount);
        Assert.Null(h.Store.Get("Thing", "doomed"));
        Assert.NotNull(h.Store.Get("Thing", "existing"));
    }

    [Fact]
    public void LoadRelated_sees_stored_and_pending_entities()
    {
        using var h = new Harness("store", schema: Schema());
        h.Store.Set("Device", "d1", new Entity([new("id", Value.FromString("d1")), new("owner", Value.FromString("o1"))]));
        h.Store.Set("Device", "d2", new Entity([new("id", Value.FromString("d2")), new("owner", Value.FromString("o2"))]));
        h.Run("handleLoadRelated");
        var r = h.Result("related");
        Assert.Equal(2, r["count"].AsInt());
        Assert.Equal("d1,d3", r["ids"].AsString());
    }

    [Fact]
    public void Bytes_ids_are_normalised_hex()
    {
        var schema = new TestSchema().Type("Thing", ValueKind.Bytes, "name").OpenType("Result");
        using var h = new Harness("store", schema: schema);
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleImplicitId"));
        Assert.Contains("not valid hex for a Bytes id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_ids_work_with_a_schema_and_are_inferred_without_one()
    {
        var schema = new TestSchema().Type("Thing", ValueKind.Bytes, "name").OpenType("Result");
        foreach (var h in new[] { new Harness("store", schema: schema), new Harness("store") })
        {
            using (h)
            {
                h.Run("handleBytesId");
                var stored = h.Store.Get("Thing", "0xabcdef")!;
                Assert.Equal(Value.FromBytes([0xab, 0xcd, 0xef]), stored["id"]);
            }
        }
    }

    private sealed class FailingStore(Exception error) : IEntityStore
    {
        public Entity? Get(string entityType, string id) => throw error;

        public Entity? GetInBlock(string entityType, string id) => throw error;

        public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field) => throw error;

        public void Set(string entityType, string id, Entity entity) => throw error;

        public void Remove(string entityType, string id) => throw error;
    }

    [Fact]
    public void Store_failures_are_retryable_unless_the_request_is_invalid()
    {
        using var h = new Harness("store");
        var call = new HandlerInvocation
        {
            Handler = "handleImplicitId",
            Trigger = new DePin.Index.Runtime.Triggers.BlockTrigger { Block = Harness.Block() },
            Store = new FailingStore(new IOException("connection reset")),
            DataSource = new DataSourceInfo { Name = "T" },
        };
        var transient = Assert.Throws<NonDeterministicMappingException>(() => h.Instance.Invoke(call));
        Assert.True(transient.Message.Contains("entity store failed: connection reset", StringComparison.Ordinal), transient.Message);

        var invalid = Assert.Throws<DeterministicMappingException>(() => h.Instance.Invoke(call with { Store = new FailingStore(new ArgumentException("no such type")) }));
        Assert.EndsWith("no such type", invalid.Message, StringComparison.Ordinal);
    }
}
