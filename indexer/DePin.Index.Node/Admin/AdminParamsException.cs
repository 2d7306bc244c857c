namespace DePin.Index.Node.Admin;

/// <summary>Parameters that do not fit the method (JSON-RPC -32602).</summary>
internal sealed class AdminParamsException(string message) : Exception(message);
