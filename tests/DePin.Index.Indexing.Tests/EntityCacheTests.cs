using DePin.Index.Store;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Indexing.Tests;

public sealed class EntityCacheTests
{
    private const string Sdl = """
        type Thing @entity(immutable: false) { id: ID!, name: String!, size: Int, tags: [String!] }
        type Mark @entity(immutable: true) { id: Bytes!, thing: Thing!, box: Box, note: String }
        type Once @entity(immutable: true, skipDuplicates: true) { id: ID!, n: Int! }
        type Box @entity(immutable: false) { id: ID!, marks: [Mark!]! @derivedFrom(field: "box") }
        """;

    private static readonly SubgraphSchema Schema = SubgraphSchema.Parse(Sdl, "test.graphql", new Version(1, 2, 0));

    private readonly InMemoryEntitySource _source = new(Schema);
    private readonly EntityCache _cache;
    private long _block;

    public EntityCacheTests()
    {
        _cache = new EntityCache(_source, Schema);
    }

    [Fact]
    public void A_new_entity_is_an_insert_and_a_changed_one_an_overwrite()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 1)));
        var changes = Block(c =>
        {
            var stored = c.Get("Thing", "1")!;
            var changed = stored.Clone();
            changed.Set("size", Value.FromInt(2));
            c.Set("Thing", "1", changed);
            c.Set("Thing", "2", Thing("2", "two", 2));
        });

        Assert.Equal([(ModificationKind.Overwrite, "1"), (ModificationKind.Insert, "2")], changes.Select(m => (m.Kind, m.Id)));
        Assert.All(changes, m => Assert.Equal(2, m.Block));
        Assert.Equal(2, _source.All("Thing")["1"].Get("size")!.AsInt());
    }

    [Fact]
    public void A_set_merges_onto_the_stored_entity_and_null_removes_a_field()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 7, tags: ["a"])));

        // Written without reading first: merged at the end of the block.
        var partial = new Entity { ["id"] = Value.FromString("1"), ["name"] = Value.FromString("uno"), ["tags"] = Value.Null };
        var changes = Block(c => c.Set("Thing", "1", partial));
        var stored = _source.All("Thing")["1"];
        Assert.Equal(ModificationKind.Overwrite, Assert.Single(changes).Kind);
        Assert.Equal("uno", stored.Get("name")!.AsString());
        Assert.Equal(7, stored.Get("size")!.AsInt());
        Assert.False(stored.Contains("tags"));

        // Read after a pending write: the merged entity.
        Block(c =>
        {
            c.Set("Thing", "1", new Entity { ["id"] = Value.FromString("1"), ["size"] = Value.FromInt(8) });
            var merged = c.Get("Thing", "1")!;
            Assert.Equal("uno", merged.Get("name")!.AsString());
            Assert.Equal(8, merged.Get("size")!.AsInt());
        });
        Assert.Equal(8, _source.All("Thing")["1"].Get("size")!.AsInt());
    }

    [Fact]
    public void The_source_entity_is_never_changed_in_place()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 1)));
        var before = _source.All("Thing")["1"];
        var snapshot = before.Clone();
        Block(c =>
        {
            c.Get("Thing", "1");
            c.Set("Thing", "1", new Entity { ["id"] = Value.FromString("1"), ["size"] = Value.FromInt(5) });
            c.Set("Thing", "1", new Entity { ["id"] = Value.FromString("1"), ["name"] = Value.FromString("x") });
        });
        Assert.Equal(snapshot, before);
        Assert.Equal(5, _source.All("Thing")["1"].Get("size")!.AsInt());
        Assert.Equal("x", _source.All("Thing")["1"].Get("name")!.AsString());
    }

    [Fact]
    public void Unchanged_entities_removals_of_absent_ones_and_create_then_remove_yield_nothing()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 1)));
        var changes = Block(c =>
        {
            c.Set("Thing", "1", Thing("1", "one", 1));
            c.Remove("Thing", "404");
            c.Set("Thing", "2", Thing("2", "two", 2));
            c.Remove("Thing", "2");
        });
        Assert.Empty(changes);
    }

    [Fact]
    public void Remove_then_set_replaces_the_entity_without_merging()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 1, tags: ["a"])));
        var changes = Block(c =>
        {
            c.Remove("Thing", "1");
            Assert.Null(c.Get("Thing", "1"));
            c.Set("Thing", "1", new Entity { ["id"] = Value.FromString("1"), ["name"] = Value.FromString("new") });
        });
        Assert.Equal(ModificationKind.Overwrite, Assert.Single(changes).Kind);
        var stored = _source.All("Thing")["1"];
        Assert.Equal(2, stored.Count);
        Assert.False(stored.Contains("size"));

        var removal = Block(c => c.Remove("Thing", "1"));
        Assert.Equal(ModificationKind.Remove, Assert.Single(removal).Kind);
        Assert.Equal(0, _source.Count("Thing"));
    }

    [Fact]
    public void Get_in_block_sees_only_what_the_block_wrote()
    {
        Block(c => c.Set("Thing", "1", Thing("1", "one", 1)));
        Block(c =>
        {
            Assert.Null(c.GetInBlock("Thing", "1"));
            Assert.NotNull(c.Get("Thing", "1"));
            Assert.Null(c.GetInBlock("Thing", "1"));
            c.Set("Thing", "2", Thing("2", "two", 2));
            Assert.Equal("two", c.GetInBlock("Thing", "2")!.Get("name")!.AsString());
            c.Remove("Thing", "1");
            Assert.Null(c.GetInBlock("Thing", "1"));
        });
    }

    [Fact]
    public void Immutable_entities_are_inserted_once_and_cannot_change_later()
    {
        var mark = Mark("0xaa", "1");
        Block(c => c.Set("Mark", "0xaa", mark));
        Block(c => c.Set("Mark", "0xaa", Mark("0xaa", "1")));   // identical: no change, no error

        _cache.BeginBlock(++_block);
        _cache.Writer = "handleMark";
        _cache.Set("Mark", "0xaa", Mark("0xaa", "2"));
        var error = Assert.Throws<EntityConflictException>(() => _cache.EndBlock());
        Assert.Equal("handleMark", error.Handler);
        Assert.Contains("entity Mark[0xaa] is immutable", error.Message, StringComparison.Ordinal);
        _cache.Discard();

        _cache.BeginBlock(++_block);
        _cache.Remove("Mark", "0xaa");
        Assert.Contains("cannot be removed", Assert.Throws<EntityConflictException>(() => _cache.EndBlock()).Message, StringComparison.Ordinal);
        _cache.Discard();

        // Several writes in the creating block merge into one insert.
        var changes = Block(c =>
        {
            c.Set("Mark", "0xbb", Mark("0xbb", "1"));
            c.Set("Mark", "0xbb", new Entity { ["id"] = Value.FromBytes([0xbb]), ["note"] = Value.FromString("n") });
        });
        Assert.Equal(ModificationKind.Insert, Assert.Single(changes).Kind);
        Assert.Equal("n", _source.All("Mark")["0xbb"].Get("note")!.AsString());
    }

    [Fact]
    public void Skip_duplicates_keeps_the_first_version()
    {
        Block(c => c.Set("Once", "a", new Entity { ["id"] = Value.FromString("a"), ["n"] = Value.FromInt(1) }));
        var changes = Block(c => c.Set("Once", "a", new Entity { ["id"] = Value.FromString("a"), ["n"] = Value.FromInt(2) }));
        Assert.Empty(changes);
        Assert.Equal(1, _source.All("Once")["a"].Get("n")!.AsInt());
    }

    [Fact]
    public void Load_related_sees_the_blocks_writes_over_the_stored_entities()
    {
        Block(c =>
        {
            c.Set("Mark", "0x01", Mark("0x01", "b1"));
            c.Set("Mark", "0x02", Mark("0x02", "b1"));
        });
        Block(c =>
        {
            Assert.Equal(2, c.LoadRelated("Box", "b1", "marks").Count);
            c.Set("Mark", "0x03", Mark("0x03", "b1"));
            c.Set("Mark", "0x04", Mark("0x04", "b2"));
            Assert.Equal(["0x01", "0x02", "0x03"], c.LoadRelated("Box", "b1", "marks").Select(e => e.Get("id")!.ToString()).Order());
            Assert.Throws<ArgumentException>(() => c.LoadRelated("Box", "b1", "id"));
        });
    }

    [Fact]
    public void Discard_forgets_the_block_and_reads_need_an_open_block()
    {
        Assert.Throws<InvalidOperationException>(() => _cache.Get("Thing", "1"));
        _cache.BeginBlock(1);
        Assert.Throws<InvalidOperationException>(() => _cache.BeginBlock(2));
        _cache.Set("Thing", "1", Thing("1", "one", 1));
        _cache.Discard();
        Assert.Equal(-1, _cache.Block);
        _cache.BeginBlock(2);
        Assert.Null(_cache.Get("Thing", "1"));
        Assert.Empty(_cache.EndBlock());
    }

    [Fact]
    public void Writes_never_read_are_looked_up_once_per_type_at_the_end_of_the_block()
    {
        var counting = new CountingSource(_source);
        var cache = new EntityCache(counting, Schema);
        cache.BeginBlock(1);
        for (var i = 0; i < 50; i++)
        {
            cache.Set("Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Thing(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "t", i));
        }

        Assert.Equal(0, counting.Gets + counting.GetManys);
        Assert.Equal(50, cache.EndBlock().Count);
        Assert.Equal((0, 1), (counting.Gets, counting.GetManys));
    }

    private IReadOnlyList<EntityModification> Block(Action<EntityCache> handlers)
    {
        _cache.BeginBlock(++_block);
        handlers(_cache);
        var changes = _cache.EndBlock();
        _source.Apply(new BlockChanges(new BlockPtr(_block, default), changes, []));
        return changes;
    }

    private static Entity Thing(string id, string name, int size, string[]? tags = null)
    {
        var e = new Entity { ["id"] = Value.FromString(id), ["name"] = Value.FromString(name), ["size"] = Value.FromInt(size) };
        if (tags is not null)
        {
            e.Set("tags", Value.FromArray(tags.Select(Value.FromString)));
        }

        return e;
    }

    private static Entity Mark(string id, string box) =>
        new() { ["id"] = Value.FromBytes(Convert.FromHexString(id[2..])), ["thing"] = Value.FromString("1"), ["box"] = Value.FromString(box) };

    private sealed class CountingSource(IEntitySource inner) : IEntitySource
    {
        public int Gets { get; private set; }

        public int GetManys { get; private set; }

        public Entity? Get(string entityType, string id)
        {
            Gets++;
            return inner.Get(entityType, id);
        }

        public IReadOnlyDictionary<string, Entity> GetMany(string entityType, IReadOnlyCollection<string> ids)
        {
            GetManys++;
            return inner.GetMany(entityType, ids);
        }

        public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field) => inner.LoadRelated(entityType, id, field);
    }
}
