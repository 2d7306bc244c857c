using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DePin.Index.Devnet;
using DePin.Index.Node;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>`depin subgraph deploy|remove|status`: a node's admin, IPFS and status APIs from the command line.</summary>
internal static class SubgraphCommands
{
    public static Command Build(IAnsiConsole console)
    {
        var subgraph = new Command("subgraph", "Deploy, remove and follow subgraphs on an index node.");
        subgraph.Subcommands.Add(Deploy(console));
        subgraph.Subcommands.Add(Remove(console));
        subgraph.Subcommands.Add(Status(console));
        return subgraph;
    }

    private static Option<string?> NodeUrl() => new("--node") { Description = "The node's admin JSON-RPC URL. Default: the devnet node's, else http://127.0.0.1:8020." };

    private static Option<string?> IpfsUrl() => new("--ipfs") { Description = "The node's IPFS API URL. Default: the devnet node's, else http://127.0.0.1:5001." };

    private static Option<string?> StatusUrl() => new("--status") { Description = "The node's status API URL. Default: the devnet node's, else http://127.0.0.1:8030." };

    private static Command Deploy(IAnsiConsole console)
    {
        var name = new Option<string?>("--name") { Description = "The subgraph name (e.g. depin or org/depin). Default: the subgraph folder's name." };
        var label = new Option<string?>("--version-label") { Description = "A label for this version." };
        var node = NodeUrl();
        var ipfs = IpfsUrl();
        var dir = CliOptions.DevnetDir();
        var json = CliOptions.Json();
        var path = new Argument<string>("DIR_OR_MANIFEST") { Description = "A graph-cli build folder, a subgraph folder with build/, or a subgraph.yaml whose mappings are built (.wasm)." };
        var cmd = new Command("deploy", "Upload a built subgraph to the node's IPFS and deploy it (subgraph_create + subgraph_deploy). Builds nothing.")
        {
            name, label, node, ipfs, dir, json, path,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            var subgraphName = parse.GetValue(name) ?? DefaultName(target);
            using var client = Client(parse.GetValue(dir), parse.GetValue(node), parse.GetValue(ipfs), null);
            var id = await client.UploadSubgraphAsync(target, ct);
            var answer = await client.DeployAsync(subgraphName, id, parse.GetValue(label), null, ct);
            if (parse.GetValue(json))
            {
                Raw(console, new JsonObject { ["name"] = subgraphName, ["deployment"] = id, ["answer"] = answer.DeepClone() }.ToJsonString());
                return 0;
            }

            console.MarkupLine($"[green]deployed[/] {Markup.Escape(subgraphName)} → {Markup.Escape(id)}");
            foreach (var (key, value) in answer)
            {
                console.MarkupLine($"  {Markup.Escape(key)}: {Markup.Escape(value?.ToString() ?? "")}");
            }

            return 0;
        });
        return cmd;
    }

    private static Command Remove(IAnsiConsole console)
    {
        var node = NodeUrl();
        var dir = CliOptions.DevnetDir();
        var name = new Argument<string>("NAME") { Description = "The subgraph name." };
        var cmd = new Command("remove", "Remove a subgraph name (subgraph_remove): its deployments stop being indexed; their data stays.") { node, dir, name };
        cmd.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse.GetValue(dir), parse.GetValue(node), null, null);
            await client.RemoveAsync(parse.GetValue(name)!, ct);
            console.MarkupLine($"[green]removed[/] {Markup.Escape(parse.GetValue(name)!)}");
            return 0;
        });
        return cmd;
    }

    private static Command Status(IAnsiConsole console)
    {
        var status = StatusUrl();
        var dir = CliOptions.DevnetDir();
        var json = CliOptions.Json();
        var watch = new Option<bool>("--watch") { Description = "Show a live progress bar until every matching deployment is synced with the chain head (or failed)." };
        var target = new Argument<string?>("NAME_OR_ID") { Description = "A subgraph name or deployment id (Qm…). Default: every deployment.", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("status", "Indexing status of the node's deployments: health, synced, latest block, chain head, entities.") { status, dir, json, watch, target };
        cmd.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse.GetValue(dir), null, null, parse.GetValue(status));
            var which = parse.GetValue(target);
            if (parse.GetValue(watch))
            {
                return await SubgraphStatusView.WatchAsync(console, client, which, TimeSpan.FromMilliseconds(500), ct);
            }

            var list = await client.StatusesOfAsync(which, ct);
            if (which is not null && list.Count == 0)
            {
                throw new InvalidOperationException($"no deployment named or with id '{which}' on the node ({client.StatusUrl})");
            }

            if (parse.GetValue(json))
            {
                Raw(console, new JsonArray([.. list.Select(s => (JsonNode?)s.DeepClone())]).ToJsonString());
            }
            else
            {
                SubgraphStatusView.PrintTable(console, list);
            }

            return list.Any(s => SubgraphStatusView.Health(s) == "failed") ? 3 : 0;
        });
        return cmd;
    }

    /// <summary>The subgraph folder's name: DIR, or DIR's parent for a build/ folder or a manifest inside one.</summary>
    internal static string DefaultName(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
        {
            full = Path.GetDirectoryName(full)!;
        }

        if (Path.GetFileName(full) == "build")
        {
            full = Path.GetDirectoryName(full)!;
        }

        var name = Path.GetFileName(full).ToLowerInvariant();
        return name.Length > 0 ? name : throw new ArgumentException("give the subgraph a name with --name");
    }

    /// <summary>A client of the node the options name, else the devnet's node, else graph-node's default ports; the admin token from DEPIN_ADMIN_TOKEN, else the devnet's.</summary>
    internal static NodeClient Client(string? devnetDirOption, string? admin, string? ipfs, string? status)
    {
        var devnetDir = DevnetCommands.Options(devnetDirOption).ResolveDir();
        var endpoints = DevnetState.Load(devnetDir)?.NodeEndpoints;
        var token = Environment.GetEnvironmentVariable("DEPIN_ADMIN_TOKEN") is { Length: > 0 } t ? t : DevnetAdminToken.Read(devnetDir);
        return new NodeClient(
            Url(admin ?? endpoints?.AdminUrl ?? $"http://127.0.0.1:{NodeOptions.DefaultAdminPort}", "--node"),
            Url(ipfs ?? endpoints?.IpfsUrl ?? $"http://127.0.0.1:{NodeOptions.DefaultIpfsPort}", "--ipfs"),
            Url(status ?? endpoints?.StatusUrl ?? $"http://127.0.0.1:{NodeOptions.DefaultStatusPort}", "--status"),
            token);
    }

    private static Uri Url(string text, string option)
    {
        var withSlash = text.EndsWith('/') ? text : text + "/";
        return Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"{option} must be an http(s) URL, not '{text}'");
    }

    /// <summary>A line as is: never wrapped at the console's width (JSON for scripts, commands to copy).</summary>
    internal static void Raw(IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
