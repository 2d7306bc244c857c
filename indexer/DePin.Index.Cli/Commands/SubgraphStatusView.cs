using System.Globalization;
using System.Text.Json.Nodes;
using DePin.Index.Node;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>How `depin subgraph status` shows the status API's answers: a table, or live progress bars (`--watch`).</summary>
internal static class SubgraphStatusView
{
    public static string Health(JsonObject s) => s["health"]?.GetValue<string>() ?? "?";

    public static bool Synced(JsonObject s) => s["synced"]?.GetValue<bool>() == true;

    public static long? Latest(JsonObject s) => Block(s, "latestBlock");

    public static long? Head(JsonObject s) => Block(s, "chainHeadBlock");

    public static long Earliest(JsonObject s) => Block(s, "earliestBlock") ?? 0;

    public static string Names(JsonObject s) => string.Join(", ", (s["names"] as JsonArray ?? []).Select(n => n?.GetValue<string>()));

    public static bool Done(JsonObject s, long minBlock = 0) =>
        Health(s) == "failed" || (Synced(s) && Latest(s) is { } latest && Head(s) is { } head && latest >= head && latest >= minBlock);

    public static void PrintTable(IAnsiConsole console, IReadOnlyList<JsonObject> list)
    {
        if (list.Count == 0)
        {
            console.MarkupLine("[grey]no deployments[/]");
            return;
        }

        var table = new Spectre.Console.Table().AddColumns("name", "deployment", "health", "synced", "latest", "head", "behind", "entities");
        table.Border = TableBorder.Simple;
        foreach (var s in list)
        {
            var health = Health(s) switch
            {
                "healthy" => "[green]healthy[/]",
                "failed" => "[red]failed[/]",
                var other => $"[yellow]{Markup.Escape(other)}[/]",
            };
            var latest = Latest(s);
            var head = Head(s);
            table.AddRow(
                Markup.Escape(Names(s)),
                Markup.Escape(Short(s["subgraph"]?.GetValue<string>() ?? "?")),
                health,
                Synced(s) ? "yes" : "no",
                latest is { } l ? SubgraphCommands.Number(l) : "-",
                head is { } h ? SubgraphCommands.Number(h) : "-",
                latest is { } a && head is { } b ? SubgraphCommands.Number(Math.Max(0, b - a)) : "-",
                Markup.Escape(s["entityCount"]?.GetValue<string>() ?? "0"));
        }

        console.Write(table);
        foreach (var s in list.Where(s => s["fatalError"] is JsonObject))
        {
            var e = (JsonObject)s["fatalError"]!;
            console.MarkupLine($"[red]{Markup.Escape(s["subgraph"]?.GetValue<string>() ?? "")} failed[/] at block {Markup.Escape(e["block"]?["number"]?.GetValue<string>() ?? "?")}: {Markup.Escape(e["message"]?.GetValue<string>() ?? "")}");
        }
    }

    /// <summary>Progress bars (blocks indexed of start..head) until every matching deployment is synced at the head or failed; 0, or 3 when one failed.</summary>
    public static async Task<int> WatchAsync(IAnsiConsole console, NodeClient client, string? which, TimeSpan interval, CancellationToken ct, long minBlock = 0)
    {
        IReadOnlyList<JsonObject> list = [];
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                while (true)
                {
                    list = await client.StatusesOfAsync(which, ct);
                    foreach (var s in list)
                    {
                        var id = s["subgraph"]?.GetValue<string>() ?? "?";
                        if (!tasks.TryGetValue(id, out var task))
                        {
                            tasks[id] = task = ctx.AddTask(Markup.Escape(Names(s) is { Length: > 0 } n ? n : id), maxValue: 1);
                        }

                        var start = Earliest(s);
                        var head = Math.Max(Head(s) ?? start, minBlock);
                        var latest = Latest(s) ?? start;
                        task.MaxValue = Math.Max(1, head - start);
                        task.Value = Math.Clamp(latest - start, 0, task.MaxValue);
                        task.Description = Markup.Escape($"{(Names(s) is { Length: > 0 } n2 ? n2 : id)} · block {latest.ToString("N0", CultureInfo.InvariantCulture)}/{head.ToString("N0", CultureInfo.InvariantCulture)} · {Health(s)}");
                        if (Done(s, minBlock))
                        {
                            task.Value = task.MaxValue;
                        }
                    }

                    if (list.Count > 0 && list.All(s => Done(s, minBlock)))
                    {
                        return;
                    }

                    await Task.Delay(interval, ct);
                }
            });
        PrintTable(console, list);
        return list.Any(s => Health(s) == "failed") ? 3 : 0;
    }

    /// <summary>Qm + 8 characters (`--json` shows the whole id).</summary>
    private static string Short(string id) => id.Length > 12 ? id[..10] + "…" : id;

    private static long? Block(JsonObject s, string name)
    {
        var text = (s["chains"] as JsonArray)?.FirstOrDefault()?[name]?["number"]?.GetValue<string>();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
