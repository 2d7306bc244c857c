namespace DePin.Index.Ethereum.Rpc.Internal;

internal enum RpcIdKind
{
    Missing,
    Null,
    Number,
    Other,
}
