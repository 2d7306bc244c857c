namespace DePin.Index.Subgraph.Tests;

/// <summary>Paths of the repository's subgraphs, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DepinSubgraph => Path.Combine(Root, "subgraphs", "depin");

    public static string Erc20Fixture => Path.Combine(Root, "tests", "fixtures", "subgraphs", "erc20");

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
