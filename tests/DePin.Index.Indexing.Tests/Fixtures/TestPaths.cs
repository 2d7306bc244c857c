namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>Paths of the repository's subgraphs, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string DepinSubgraph => Path.Combine(Root, "subgraphs", "depin");

    public static string DepinSchema => Path.Combine(DepinSubgraph, "schema.graphql");

    public static string Erc20Subgraph => Path.Combine(Root, "tests", "fixtures", "subgraphs", "erc20");

    /// <summary>This project's fixture subgraph with a template.</summary>
    public static string TemplatesSubgraph => Path.Combine(Root, "tests", "DePin.Index.Indexing.Tests", "subgraphs", "templates");

    public static string BuildScript => Path.Combine(Root, "subgraphs", "build.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DePin.Index.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no DePin.Index.sln above {AppContext.BaseDirectory}");
    }
}
