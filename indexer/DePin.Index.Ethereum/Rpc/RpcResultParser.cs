using System.Text.Json;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Reads one result value. The reader is positioned on the value's first token and holds the complete value
/// (and nothing after it), so <see cref="Utf8JsonReader.Skip"/> may be used. Throw <see cref="FormatException"/>
/// (or let the reader throw) for a value of the wrong shape; the client turns it into an
/// <see cref="RpcProtocolException"/> naming the method and the place. <see cref="RpcJson"/> has readers for
/// quantities, addresses, hashes and data.
/// </summary>
public delegate T RpcResultParser<out T>(ref Utf8JsonReader reader);
