namespace DePin.Index.Node;

/// <summary>How the node writes its console log.</summary>
public enum NodeLogFormat
{
    /// <summary>One readable line per entry (Microsoft.Extensions.Logging's simple console formatter).</summary>
    Text,

    /// <summary>One JSON object per line (the JSON console formatter), for log collectors.</summary>
    Json,
}
