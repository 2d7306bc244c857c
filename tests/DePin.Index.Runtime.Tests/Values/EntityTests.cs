using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.Values;

public class EntityTests
{
    [Fact]
    public void Fields_keep_insertion_order_and_overwrite_in_place()
    {
        var e = new Entity();
        e.Set("id", Value.FromString("d1"));
        e.Set("owner", Value.FromBytes([1]));
        e.Set("count", Value.FromInt(1));
        e.Set("owner", Value.FromBytes([2]));
        Assert.Equal(["id", "owner", "count"], e.FieldNames);
        Assert.Equal(Value.FromBytes([2]), e["owner"]);
        Assert.Equal("{id: d1, owner: 0x02, count: 1}", e.ToString());
    }

    [Fact]
    public void Get_remove_and_contains()
    {
        var e = new Entity { };
        e["a"] = Value.FromInt(1);
        Assert.True(e.Contains("a"));
        Assert.Null(e.Get("b"));
        Assert.Throws<KeyNotFoundException>(() => e["b"]);
        Assert.True(e.TryGet("a", out var a));
        Assert.Equal(1, a.AsInt());
        Assert.True(e.Remove("a"));
        Assert.False(e.Remove("a"));
        Assert.Empty(e);
        e.Set("a", Value.Null);
        Assert.True(e.Get("a")!.IsNull);
    }

    [Fact]
    public void Equality_ignores_field_order()
    {
        var x = new Entity([new("a", Value.FromInt(1)), new("b", Value.FromString("s"))]);
        var y = new Entity([new("b", Value.FromString("s")), new("a", Value.FromInt(1))]);
        Assert.Equal(x, y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
        y.Set("a", Value.FromInt(2));
        Assert.NotEqual(x, y);
        var z = x.Clone();
        z.Set("c", Value.Null);
        Assert.NotEqual(x, z);
        Assert.Equal(2, x.Count);
    }
}
