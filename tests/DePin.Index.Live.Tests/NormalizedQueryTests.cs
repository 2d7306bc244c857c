namespace DePin.Index.Live.Tests;

public sealed class NormalizedQueryTests
{
    [Fact]
    public void Whitespace_comments_and_commas_do_not_change_the_text()
    {
        var a = NormalizedQuery.Parse("{ devices(first: 5, orderBy: id) { id owner } }");
        var b = NormalizedQuery.Parse("""
            # the five first devices
            query {
              devices(first: 5 orderBy: id) {   id,
                owner # who
              }
            }
            """);
        Assert.Equal(a.Text, b.Text);
    }

    [Fact]
    public void Argument_and_input_field_order_do_not_matter_but_list_order_does()
    {
        Assert.Equal(NormalizedQuery.Parse("{ devices(first: 5, where: {kind: \"a\", active: true}) { id } }").Text,
            NormalizedQuery.Parse("{ devices(where: {active: true, kind: \"a\"}, first: 5) { id } }").Text);
        Assert.NotEqual(NormalizedQuery.Parse("{ devices(where: {id_in: [\"a\", \"b\"]}) { id } }").Text,
            NormalizedQuery.Parse("{ devices(where: {id_in: [\"b\", \"a\"]}) { id } }").Text);
    }

    [Theory]
    [InlineData("subscription($n: Int) { devices(first: $n) { id } }")]
    [InlineData("query($n: Int) { devices(first: $n) { id } } ")]
    [InlineData("{ devices { ...F } } fragment F on Device { id }")]
    public void The_printed_text_is_a_valid_query_document(string query)
    {
        var n = NormalizedQuery.Parse(query);
        var again = NormalizedQuery.Parse(n.Text);
        Assert.Equal("query", again.OperationType);
        Assert.Equal(n.Text, again.Text);
    }

    [Fact]
    public void Different_arguments_give_different_texts()
    {
        Assert.NotEqual(NormalizedQuery.Parse("{ devices(first: 5) { id } }").Text, NormalizedQuery.Parse("{ devices(first: 6) { id } }").Text);
    }

    [Fact]
    public void A_subscription_becomes_the_same_query()
    {
        var s = NormalizedQuery.Parse("subscription Live($n: Int) { devices(first: $n) { id } }");
        var q = NormalizedQuery.Parse("query Live($n: Int) { devices(first: $n) { id } }");
        Assert.Equal("subscription", s.OperationType);
        Assert.Equal("query", q.OperationType);
        Assert.Equal(q.Text, s.Text);
    }

    [Theory]
    [InlineData("{ devices(block: { number: 3 }) { id } }", true, false)]
    [InlineData("{ devices { id proofs(block: {number: 2}) { id } } }", true, false)]
    [InlineData("{ devices { id } }", false, false)]
    [InlineData("{ _meta { block { number } } }", false, true)]
    [InlineData("query { ...F } fragment F on Query { _meta { deployment } }", false, true)]
    public void Block_arguments_and_meta_are_seen(string query, bool block, bool meta)
    {
        var n = NormalizedQuery.Parse(query);
        Assert.Equal(block, n.HasBlockArgument);
        Assert.Equal(meta, n.ReadsMeta);
    }

    [Fact]
    public void The_operation_is_chosen_by_name()
    {
        const string doc = "query A { devices { id } } query B { proofs { id } }";
        Assert.Equal("query", NormalizedQuery.Parse(doc, "B").OperationType);
        var e = Assert.Throws<LiveQueryException>(() => NormalizedQuery.Parse(doc));
        Assert.Contains("operationName", e.Message, StringComparison.Ordinal);
        Assert.Contains("'C'", Assert.Throws<LiveQueryException>(() => NormalizedQuery.Parse(doc, "C")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ devices { id }", "syntax error")]
    [InlineData("", "no query document")]
    [InlineData("fragment F on Device { id }", "no operation")]
    public void Bad_documents_are_named(string query, string expected)
    {
        var e = Assert.Throws<LiveQueryException>(() => NormalizedQuery.Parse(query));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_document_is_refused_without_recursing_further()
    {
        var deep = "{ " + string.Concat(Enumerable.Repeat("a { ", 1000)) + "id" + new string('}', 1001);
        var e = Assert.Throws<LiveQueryException>(() => NormalizedQuery.Parse(deep));
        Assert.Contains("deeper", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_document_is_refused()
    {
        var e = Assert.Throws<LiveQueryException>(() => NormalizedQuery.Parse("{ devices { id } }" + new string(' ', 2000), maxLength: 1000));
        Assert.Contains("1000", e.Message, StringComparison.Ordinal);
    }
}
