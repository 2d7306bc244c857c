using DePin.Index.Protocol;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Prints a result: JSON for scripts (--json), else a two-column table of labelled values.</summary>
internal static class Output
{
    public static void Json(IAnsiConsole console, object value) => console.WriteLine(JsonOutput.Serialize(value), new Style());

    public static void Fields(IAnsiConsole console, string title, IEnumerable<(string Label, string Value)> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("", "").HideHeaders();
        foreach (var (label, value) in rows) table.AddRow(Markup.Escape(label), Markup.Escape(value));
        console.Write(table);
    }

    public static void Sent(IAnsiConsole console, string what, ProtocolReceipt receipt) =>
        console.MarkupLine($"[green]{Markup.Escape(what)}[/] in block {receipt.BlockNumber} (tx {receipt.TransactionHash}, gas {receipt.GasUsed})");

    /// <summary>The common head of a transaction's JSON.</summary>
    public static object Tx(ProtocolReceipt receipt) => new { hash = receipt.TransactionHash.ToHex(), block = receipt.BlockNumber, gasUsed = receipt.GasUsed };
}
