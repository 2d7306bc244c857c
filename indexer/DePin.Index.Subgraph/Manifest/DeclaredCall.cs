namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// A declared eth_call of an event handler (specVersion ≥ 1.2.0): <c>label: Abi[address].function(args)</c>,
/// executed before the handler runs. The expression is kept as written.
/// </summary>
public sealed record DeclaredCall(string Label, string Expression);
