using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>
/// A hand-assembled contract for tests: called with one 32-byte word n, it emits n logs
/// <c>Ping(uint256 indexed i, uint256 i, uint256 n)</c> for i = 0..n-1 (topics [Ping, i], data [i, n]).
/// </summary>
public static class LogEmitter
{
    public static readonly Hash32 PingTopic = Hash32.Of("Ping(uint256,uint256,uint256)");

    /// <summary>Init code: copies the 68-byte runtime after it into memory and returns it.</summary>
    public static byte[] InitCode()
    {
        byte[] init = [0x60, 0x44, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x44, 0x60, 0x00, 0xf3];
        return [.. init, .. Runtime()];
    }

    public static byte[] Runtime()
    {
        byte[] head =
        [
            0x60, 0x00, 0x35,             // n = calldataload(0)
            0x60, 0x00,                   // i = 0
            0x5b,                         // loop:
            0x81, 0x81, 0x10, 0x15,       // !(i < n)
            0x60, 0x42, 0x57,             // jumpi end
            0x80, 0x60, 0x00, 0x52,       // mem[0] = i
            0x81, 0x60, 0x20, 0x52,       // mem[32] = n
            0x80,                         // topic1 = i
            0x7f,                         // push32 topic0
        ];
        byte[] tail =
        [
            0x60, 0x40, 0x60, 0x00, 0xa2, // log2(0, 64, topic0, i)
            0x60, 0x01, 0x01,             // i += 1
            0x60, 0x05, 0x56,             // jump loop
            0x5b, 0x00,                   // end: stop
        ];
        return [.. head, .. PingTopic.ToArray(), .. tail];
    }

    /// <summary>Init code whose execution reverts with Error("nope") (use as eth_call data without a target).</summary>
    public static byte[] RevertingInitCode()
    {
        byte[] code = [0x60, 0x64, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x64, 0x60, 0x00, 0xfd];
        var payload = new byte[100];
        Hex.Decode("08c379a0").CopyTo(payload, 0);
        payload[35] = 0x20;
        payload[67] = 4;
        "nope"u8.CopyTo(payload.AsSpan(68));
        return [.. code, .. payload];
    }

    public static async Task<Address> DeployAsync(EthRpc eth)
    {
        var hash = await eth.SendTransactionAsync(new CallRequest { From = AnvilInstance.Account0, Data = InitCode() });
        var receipt = await eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(10));
        Assert.True(receipt.Succeeded);
        return receipt.ContractAddress ?? throw new InvalidOperationException("deployment receipt without contractAddress");
    }

    /// <summary>Sends a call emitting <paramref name="n"/> logs (automine mines it at once) and returns its hash.</summary>
    public static Task<Hash32> EmitAsync(EthRpc eth, Address emitter, int n, long? gas = null)
    {
        var data = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(28), n);
        return eth.SendTransactionAsync(new CallRequest { From = AnvilInstance.Account0, To = emitter, Data = data, Gas = gas });
    }
}
