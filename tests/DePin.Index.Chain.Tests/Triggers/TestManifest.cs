using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain.Tests.Triggers;

/// <summary>Builds small manifests (parsed by the real manifest reader) and logs for the trigger tests.</summary>
internal static class TestManifest
{
    public static readonly Address A = Address.Parse("0x00000000000000000000000000000000000000aa");
    public static readonly Address B = Address.Parse("0x00000000000000000000000000000000000000bb");
    public static readonly Address C = Address.Parse("0x00000000000000000000000000000000000000cc");

    public const string Erc20Transfer = "Transfer(indexed address,indexed address,uint256)";
    public const string Erc721Transfer = "Transfer(indexed address,indexed address,indexed uint256)";
    public const string Approval = "Approval(indexed address,indexed address,uint256)";

    public static SubgraphManifest Parse(string dataSources, string templates = "") =>
        SubgraphManifest.Parse($"specVersion: 1.2.0\nschema:\n  file: ./schema.graphql\ndataSources:\n{dataSources}{(templates.Length > 0 ? "templates:\n" + templates : "")}");

    /// <summary>
    /// One data source (or template when <paramref name="template"/>): event handlers as "signature → handler"
    /// with optional extra YAML lines; block handlers as "handler" or "handler|{ kind: once }".
    /// </summary>
    public static string Source(string name, Address? address, long start = 0, long? end = null, string[]? events = null,
        string[]? blocks = null, bool template = false)
    {
        var sb = new StringBuilder();
        sb.Append("  - kind: ethereum/contract\n");
        sb.Append("    name: ").Append(name).Append('\n');
        sb.Append("    network: devnet\n");
        sb.Append("    source:\n");
        if (address is { } a && !template) sb.Append("      address: \"").Append(a.ToHex()).Append("\"\n");
        sb.Append("      abi: Abi\n");
        if (!template)
        {
            sb.Append("      startBlock: ").Append(start).Append('\n');
            if (end is { } e) sb.Append("      endBlock: ").Append(e).Append('\n');
        }
        sb.Append("    mapping:\n      kind: ethereum/events\n      apiVersion: 0.0.9\n      language: wasm/assemblyscript\n");
        sb.Append("      entities: []\n      abis:\n        - name: Abi\n          file: ./abis/Abi.json\n");
        if (events is { Length: > 0 })
        {
            sb.Append("      eventHandlers:\n");
            foreach (var ev in events)
            {
                var parts = ev.Split('|');
                sb.Append("        - event: ").Append(parts[0].Split(" → ")[0]).Append('\n');
                sb.Append("          handler: ").Append(parts[0].Split(" → ")[1]).Append('\n');
                foreach (var extra in parts.Skip(1)) sb.Append("          ").Append(extra).Append('\n');
            }
        }
        if (blocks is { Length: > 0 })
        {
            sb.Append("      blockHandlers:\n");
            foreach (var b in blocks)
            {
                var parts = b.Split('|');
                sb.Append("        - handler: ").Append(parts[0]).Append('\n');
                if (parts.Length > 1) sb.Append("          filter: ").Append(parts[1]).Append('\n');
            }
        }
        sb.Append("      file: ./src/mapping.ts\n");
        return sb.ToString();
    }

    public static TriggerFilter Filter(string dataSources) => new(DataSourceInstance.FromManifest(Parse(dataSources)));

    public static Hash32 Topic(string signature) => Hash32.Of(signature.Replace("indexed ", "", StringComparison.Ordinal));

    public static Hash32 Word(long value)
    {
        var b = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(24), value);
        return new Hash32(b);
    }

    public static Hash32 Word(Address a)
    {
        var b = new byte[32];
        a.CopyTo(b.AsSpan(12));
        return new Hash32(b);
    }

    public static Log Log(Address address, long block, int logIndex, params Hash32[] topics) =>
        new(address, topics, [], block, Word(1_000_000 + block), Word(2_000_000 + (block * 1000) + logIndex), 0, logIndex, false);

    /// <summary>"kind:dataSource.handler[@logIndex]" for each trigger, for compact assertions.</summary>
    public static string[] Describe(IReadOnlyList<Trigger> triggers) =>
        triggers.Select(t => t.Kind switch
        {
            TriggerKind.Log => $"log:{t.DataSource.Name}.{t.Handler}@{t.Log!.LogIndex}",
            TriggerKind.BlockStart => $"start:{t.DataSource.Name}.{t.Handler}",
            _ => $"end:{t.DataSource.Name}.{t.Handler}",
        }).ToArray();
}
