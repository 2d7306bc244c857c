using System.Text.Json;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>A parameter type that writes its own JSON-RPC form.</summary>
internal interface IRpcParam
{
    void WriteJson(Utf8JsonWriter writer);
}
