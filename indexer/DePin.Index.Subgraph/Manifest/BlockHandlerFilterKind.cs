namespace DePin.Index.Subgraph.Manifest;

/// <summary>The <c>filter.kind</c> of a block handler.</summary>
public enum BlockHandlerFilterKind
{
    /// <summary>Blocks containing a call to the data source's contract.</summary>
    Call,

    /// <summary>Only the data source's start block (specVersion ≥ 0.0.8).</summary>
    Once,

    /// <summary>Every <see cref="BlockHandlerFilter.Every"/> blocks from the start block (specVersion ≥ 0.0.8).</summary>
    Polling,
}
