using System.Globalization;
using System.Text;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Synthetic eth_getLogs JSON in anvil's layout, for tests that serve answers themselves.</summary>
public static class LogJson
{
    public static string Log(long block, int logIndex, int dataBytes = 64)
    {
        var hex = (long v) => v.ToString("x", CultureInfo.InvariantCulture);
        var word = (long v) => v.ToString("x64", CultureInfo.InvariantCulture);
        var data = new StringBuilder("0x");
        for (var i = 0; i < dataBytes; i++) data.Append(((i + logIndex) & 0xff).ToString("x2", CultureInfo.InvariantCulture));
        return $"{{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"topics\":[\"0x{word(0xABCDEF)}\",\"0x{word(logIndex)}\"],"
            + $"\"data\":\"{data}\",\"blockHash\":\"0x{word(block * 7)}\",\"blockNumber\":\"0x{hex(block)}\",\"blockTimestamp\":\"0x6b054f3f\","
            + $"\"transactionHash\":\"0x{word(block * 1000 + logIndex)}\",\"transactionIndex\":\"0x0\",\"logIndex\":\"0x{hex(logIndex)}\",\"removed\":false}}";
    }

    public static string Logs(long block, int count, int dataBytes = 64) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => Log(block, i, dataBytes))) + "]";
}
