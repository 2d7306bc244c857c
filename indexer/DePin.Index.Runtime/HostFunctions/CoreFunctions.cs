using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary><c>abort</c>, <c>log.log</c>, <c>crypto.keccak256</c>, <c>ens</c>, <c>ipfs</c> and the graph-ts imports this host does not support.</summary>
internal static class CoreFunctions
{
    public static void Register(HostFunctionRegistry r)
    {
        r.Add("abort", Abort);
        r.Add("log.log", Log);
        r.Add("crypto.keccak256", (ctx, ptr) => ctx.Heap.WriteUint8Array(Keccak256.Hash(ctx.Heap.ReadUint8Array(ptr))));
        r.Add("ens.nameByHash", (ctx, ptr) =>
        {
            ctx.Heap.ReadString(ptr);
            return 0;
        });
        r.Add("ipfs.cat", IpfsCat);
        r.Unsupported("ipfs.map", "`ipfs.map` is not supported by this indexer");
        r.Unsupported("ipfs.getBlock", "`ipfs.getBlock` is not supported by this indexer");
        r.Unsupported("yaml.fromBytes", "`yaml.fromBytes` is not supported by this indexer");
        r.Unsupported("yaml.try_fromBytes", "`yaml.try_fromBytes` is not supported by this indexer");
        r.Unsupported("arweave.transactionData", "`arweave.transactionData` has been removed.");
        r.Unsupported("box.profile", "`box.profile` has been removed.");
    }

    /// <summary><c>abort(message, fileName, line, column)</c>: always fails, with graph-node's message.</summary>
    private static void Abort(InstanceContext ctx, uint messagePtr, uint filePtr, uint line, uint column)
    {
        var message = messagePtr == 0 ? "no message" : "message: " + ctx.Heap.ReadString(messagePtr);
        var file = filePtr == 0 ? null : ctx.Heap.ReadString(filePtr);
        var location = (file, line, column) switch
        {
            (null, _, _) => "an unknown location",
            (_, 0, _) => file,
            (_, _, 0) => $"{file}, line {line}",
            _ => $"{file}, line {line}, column {column}",
        };
        throw HostException.Fail($"Mapping aborted at {location}, with {message}");
    }

    /// <summary><c>log.log(level, message)</c>: levels above 4 log as debug; critical fails the handler.</summary>
    private static void Log(InstanceContext ctx, uint level, uint messagePtr)
    {
        var message = ctx.Heap.ReadString(messagePtr);
        var logLevel = level <= 4 ? (MappingLogLevel)level : MappingLogLevel.Debug;
        ctx.Current.Log?.Invoke(logLevel, message);
        if (logLevel == MappingLogLevel.Critical)
        {
            throw HostException.Fail($"Critical error logged in mapping with log message: {message}");
        }
    }

    /// <summary><c>ipfs.cat(link)</c>: IPFS is not available to mappings here; returns null and logs a warning.</summary>
    private static uint IpfsCat(InstanceContext ctx, uint linkPtr)
    {
        var link = ctx.Heap.ReadString(linkPtr);
        ctx.Current.Log?.Invoke(MappingLogLevel.Warning, $"ipfs.cat is not supported by this indexer; returning null for '{link}'");
        return 0;
    }
}
