using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// <c>ethereum.call/getBalance/hasCode/encode/decode</c>. Calls run at the trigger's block through
/// <see cref="IEthereumCallAdapter"/> and are cached per block; a revert returns null; an RPC
/// failure is retryable (non-deterministic); a missing ABI or function is deterministic.
/// </summary>
internal static class EthereumFunctions
{
    private static readonly Version ApiVersion009 = new(0, 0, 9);

    public static void Register(HostFunctionRegistry r)
    {
        r.Add("ethereum.call", Call);
        r.Add("ethereum.getBalance", (ctx, ptr) =>
        {
            var address = ReadAddress(ctx, ptr, "ethereum.getBalance");
            var adapter = Adapter(ctx);
            var balance = Rpc(() => adapter.GetBalance(address, ctx.Current.Trigger.Block.Ref), "eth_getBalance");
            return ctx.Heap.WriteBigInt(balance);
        });
        r.Add("ethereum.hasCode", (ctx, ptr) =>
        {
            var address = ReadAddress(ctx, ptr, "ethereum.hasCode");
            var adapter = Adapter(ctx);
            var code = Rpc(() => adapter.GetCode(address, ctx.Current.Trigger.Block.Ref), "eth_getCode");
            return ctx.Heap.WriteWrappedBool(!code.IsEmpty);
        });
        r.Add("ethereum.encode", (ctx, ptr) =>
        {
            var (type, value) = ctx.Heap.ReadEthereumValue(ptr);
            try
            {
                return ctx.Heap.WriteUint8Array(AbiEncoder.Encode(type, value));
            }
            catch (AbiException)
            {
                return 0;
            }
        });
        r.Add("ethereum.decode", (ctx, typesPtr, dataPtr) =>
        {
            var types = ctx.Heap.ReadString(typesPtr);
            var data = ctx.Heap.ReadUint8Array(dataPtr);
            AbiType type;
            object value;
            try
            {
                type = AbiType.Parse(types);
                value = AbiDecoder.Decode(type, data);
            }
            catch (Exception e) when (e is AbiException or FormatException or ArgumentException)
            {
                return 0;
            }

            return ctx.Heap.WriteEthereumValue(type, value);
        });
    }

    /// <summary>
    /// <c>ethereum.call(SmartContractCall{contractName, contractAddress, functionName,
    /// functionSignature, functionArgs})</c>: the function is found by its graph-node signature
    /// <c>name(inputs)[:(outputs)]</c>.
    /// </summary>
    private static uint Call(InstanceContext ctx, uint callPtr)
    {
        var fields = ctx.Heap.ReadStruct(callPtr, 5, "SmartContractCall");
        var contractName = ctx.Heap.ReadString(fields[0]);
        var addressBytes = ctx.Heap.ReadUint8Array(fields[1]);
        var functionName = ctx.Heap.ReadString(fields[2]);
        var signature = fields[3] == 0 ? null : ctx.Heap.ReadString(fields[3]);
        var args = ctx.Heap.ReadEthereumValueArray(fields[4]);
        if (addressBytes.Length != 20)
        {
            throw HostException.Fail($"expected array of length 20, found length {addressBytes.Length}");
        }

        var address = new Address(addressBytes);
        if (!ctx.Current.DataSource.Abis.TryGetValue(contractName, out var abi))
        {
            throw HostException.Fail(
                $"Could not find ABI for contract \"{contractName}\", try adding it to the 'abis' section of the subgraph manifest");
        }

        var candidates = abi.GetFunctions(functionName);
        if (candidates.Count == 0)
        {
            throw HostException.Fail($"Unknown function \"{contractName}::{functionName}\" called from WASM runtime");
        }

        var function = signature is null
            ? candidates[0]
            : candidates.FirstOrDefault(f => CompatSignature(f) == signature)
              ?? throw HostException.Fail($"Unknown function \"{contractName}::{functionName}\" with signature `{signature}` called from WASM runtime");

        byte[] callData;
        try
        {
            callData = function.EncodeCall(args.Select(a => a.Value).ToArray());
        }
        catch (AbiException e)
        {
            throw HostException.Fail($"Failed to encode the arguments of \"{contractName}::{functionName}\": {e.Message}", e);
        }

        var block = ctx.Current.Trigger.Block.Ref;
        if (!ctx.EthCalls.TryGet(block, address, callData, out var result))
        {
            var adapter = Adapter(ctx);
            result = Rpc(() => adapter.Call(address, callData, block), $"calling function \"{functionName}\" of contract \"{contractName}\"");
            ctx.EthCalls.Add(block, address, callData, result);
        }

        if (result.Reverted || (result.ReturnData.IsEmpty && function.Outputs.Count > 0))
        {
            return 0;
        }

        object[] outputs;
        try
        {
            outputs = function.DecodeOutput(result.ReturnData.Span);
        }
        catch (AbiException e)
        {
            throw HostException.Fail($"Failed to decode the result of \"{contractName}::{functionName}\": {e.Message}", e);
        }

        return ctx.Heap.WriteEthereumValueArray(function.Outputs.Select(o => o.Type).ToArray(), outputs);
    }

    /// <summary>graph-node's <c>signature_compat</c>: <c>name(in1,in2)</c> plus <c>:(out1,out2)</c> when there are outputs.</summary>
    internal static string CompatSignature(FunctionAbi function)
    {
        var inputs = string.Join(",", function.Inputs.Select(i => i.Type.CanonicalName));
        var text = $"{function.Name}({inputs})";
        return function.Outputs.Count == 0 ? text : $"{text}:({string.Join(",", function.Outputs.Select(o => o.Type.CanonicalName))})";
    }

    private static Address ReadAddress(InstanceContext ctx, uint ptr, string name)
    {
        if (ctx.ApiVersion < ApiVersion009)
        {
            throw HostException.Fail($"{name} call is not supported before API version 0.0.9");
        }

        var bytes = ctx.Heap.ReadUint8Array(ptr);
        return bytes.Length == 20 ? new Address(bytes) : throw HostException.Fail($"expected array of length 20, found length {bytes.Length}");
    }

    private static IEthereumCallAdapter Adapter(InstanceContext ctx) =>
        ctx.Current.Ethereum ?? throw HostException.Transient("no Ethereum adapter is configured for this mapping");

    private static T Rpc<T>(Func<T> call, string what)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not HostException)
        {
            throw HostException.Transient($"Ethereum node returned an error when {what}: {e.Message}", e);
        }
    }
}
