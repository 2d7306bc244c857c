using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin subgraph publish DEPLOYMENT`: record a deployment in the SubgraphRegistry with its metadata (curation and allocations need it).</summary>
internal static class SubgraphPublishCommand
{
    public const int MaxMetadataBytes = 1024;

    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var deployment = new Argument<string>("deployment") { Description = "The deployment id (Qm… or 0x + 64 hex)." };
        var name = new Option<string?>("--name") { Description = "The subgraph's name, stored in the metadata." };
        var network = new Option<string?>("--network") { Description = "The network it indexes, stored in the metadata." };
        var description = new Option<string?>("--description") { Description = "A description, stored in the metadata." };
        var metadata = new Option<string?>("--metadata") { Description = "The metadata as a JSON object (instead of --name/--network/--description)." };
        var cmd = o.AddTo(new Command("publish", "Publish a deployment on the protocol's SubgraphRegistry (curators and indexers can then signal and allocate).")
        {
            deployment, name, network, description, metadata,
        });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var text = Metadata(parse.GetValue(metadata), parse.GetValue(name), parse.GetValue(network), parse.GetValue(description));
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Registry.PublishAsync(key, id, text, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new
                {
                    transaction = receipt.TransactionHash.ToHex(),
                    block = receipt.BlockNumber,
                    gasUsed = receipt.GasUsed,
                    deployment = id.ToString(),
                    deploymentBytes32 = id.Bytes.ToHex(),
                    publisher = key.Address.ToChecksumString(),
                    metadata = text,
                });
                return 0;
            }
            Output.Sent(console, $"published {id}", receipt);
            Output.Fields(console, "deployment", [("id", id.ToString()), ("bytes32", id.ToHex()), ("publisher", key.Address.ToChecksumString()), ("metadata", text)]);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The metadata string: --metadata verbatim (checked to be a JSON object), else {"name","network","description"} of those given.</summary>
    public static string Metadata(string? raw, string? name, string? network, string? description)
    {
        string text;
        if (raw is not null)
        {
            if (name is not null || network is not null || description is not null)
            {
                throw new CliException("give either --metadata or --name/--network/--description, not both");
            }
            try
            {
                if (JsonNode.Parse(raw) is not JsonObject) throw new CliException("--metadata must be a JSON object");
            }
            catch (JsonException e)
            {
                throw new CliException($"--metadata is not JSON: {e.Message}", e);
            }
            text = raw;
        }
        else
        {
            var o = new JsonObject();
            if (name is not null) o["name"] = name;
            if (network is not null) o["network"] = network;
            if (description is not null) o["description"] = description;
            text = o.ToJsonString();
        }
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > MaxMetadataBytes) throw new CliException($"metadata is {length} bytes, at most {MaxMetadataBytes}");
        return text;
    }
}
