namespace DePin.Index.GraphQL.Tests;

public sealed class SmokeTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Runs()
    {
        var j = await fx.QueryAsync("""{ people(orderBy: age) { id name nick age balance score big born key color tags best { id name } friends { id } pets(orderBy: name) { id name weight } } named(id: "pet1") { id name ... on Pet { owner { id } } } nameds { __typename id name } personSearch(text: "eve") { id } _meta { block { number hash } deployment hasIndexingErrors } }""");
        Console.WriteLine(j);
        Assert.Contains("Alice", j, StringComparison.Ordinal);
    }
}
