using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime;

/// <summary>A <c>dataSource.create</c>/<c>createWithContext</c> request made by a successful handler.</summary>
public sealed record DataSourceCreation(string Template, IReadOnlyList<string> Parameters, Entity? Context, long CreationBlock);
