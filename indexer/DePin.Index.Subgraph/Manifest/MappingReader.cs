using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>Reads a data source's <c>mapping</c> and its handlers (graph-node's <c>UnresolvedMapping</c>).</summary>
internal static class MappingReader
{
    private static readonly Version Spec005 = new(0, 0, 5);
    private static readonly Version Spec008 = new(0, 0, 8);
    private static readonly Version Spec120 = new(1, 2, 0);
    private static readonly Version Api007 = new(0, 0, 7);

    public static Mapping Read(ManifestNode node, Version spec, ManifestReader files)
    {
        node.AllowOnly("kind", "apiVersion", "language", "entities", "abis", "eventHandlers", "callHandlers", "blockHandlers", "file");
        var kindNode = node.Required("kind");
        var kind = kindNode.AsName();
        if (kind != "ethereum/events")
        {
            throw kindNode.Error($"mapping kind '{kind}' is not supported (expected ethereum/events)");
        }

        var apiNode = node.Required("apiVersion");
        var api = apiNode.AsVersion();
        if (api > SubgraphManifest.MaxApiVersion)
        {
            throw apiNode.Error($"apiVersion {api} is not supported (the highest is {SubgraphManifest.MaxApiVersion})");
        }

        var languageNode = node.Required("language");
        var language = languageNode.AsName();
        if (language != "wasm/assemblyscript")
        {
            throw languageNode.Error($"mapping language '{language}' is not supported (expected wasm/assemblyscript)");
        }

        var entities = node.Get("entities")?.AsStringList() ?? [];
        var abis = ReadAbis(node.Required("abis"), files);
        var mapping = new Mapping
        {
            Kind = kind,
            ApiVersion = api,
            Language = language,
            Entities = entities,
            Abis = abis,
            EventHandlers = node.Get("eventHandlers")?.Items().Select(h => ReadEventHandler(h, spec, api)).ToList() ?? [],
            CallHandlers = node.Get("callHandlers")?.Items().Select(ReadCallHandler).ToList() ?? [],
            BlockHandlers = ReadBlockHandlers(node.Get("blockHandlers"), spec),
            File = files.ReadFile(node.Required("file")),
        };
        return mapping;
    }

    private static List<MappingAbi> ReadAbis(ManifestNode node, ManifestReader files)
    {
        var abis = new List<MappingAbi>();
        foreach (var item in node.Items())
        {
            item.AllowOnly("name", "file");
            var nameNode = item.Required("name");
            var name = nameNode.AsName();
            if (abis.Any(a => a.Name == name))
            {
                throw nameNode.Error($"ABI name '{name}' is listed twice");
            }

            abis.Add(new MappingAbi(name, files.ReadFile(item.Required("file")), item.Location));
        }

        return abis;
    }

    private static MappingEventHandler ReadEventHandler(ManifestNode node, Version spec, Version api)
    {
        node.AllowOnly("event", "handler", "topic0", "topic1", "topic2", "topic3", "receipt", "calls");
        var eventNode = node.Required("event");
        var signature = eventNode.AsName();
        if (!signature.Contains('(', StringComparison.Ordinal) || !signature.EndsWith(')'))
        {
            throw eventNode.Error($"must be an event signature like Transfer(indexed address,indexed address,uint256), not '{ManifestNode.Truncate(signature)}'");
        }

        var receipt = false;
        if (node.Get("receipt") is { } r)
        {
            ManifestReader.RequireSpec(r, Spec005, spec);
            receipt = r.AsBool();
            if (receipt && api < Api007)
            {
                throw r.Error($"transaction receipts need apiVersion 0.0.7 or later (the mapping has {api})");
            }
        }

        var calls = new List<DeclaredCall>();
        if (node.Get("calls") is { } c)
        {
            ManifestReader.RequireSpec(c, Spec120, spec);
            calls.AddRange(c.Entries().Select(e => new DeclaredCall(e.Key, e.Value.AsName())));
        }

        return new MappingEventHandler
        {
            Event = string.Join(' ', signature.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)),
            Handler = node.Required("handler").AsName(),
            Topic0 = node.Get("topic0") is { } t0 ? ParseTopic(t0) : null,
            Topic1 = ReadTopics(node.Get("topic1"), spec),
            Topic2 = ReadTopics(node.Get("topic2"), spec),
            Topic3 = ReadTopics(node.Get("topic3"), spec),
            Receipt = receipt,
            Calls = calls,
            Location = node.Location,
        };
    }

    private static List<Hash32>? ReadTopics(ManifestNode? node, Version spec)
    {
        if (node is not { } n)
        {
            return null;
        }

        ManifestReader.RequireSpec(n, Spec120, spec);
        return [.. n.Items().Select(ParseTopic)];
    }

    private static Hash32 ParseTopic(ManifestNode node)
    {
        var text = node.AsName();
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != 64 || !Hash32.TryParse(hex, out var hash))
        {
            throw node.Error($"must be a 32-byte hex topic (0x followed by 64 hex digits), not '{ManifestNode.Truncate(text)}'");
        }

        return hash;
    }

    private static MappingCallHandler ReadCallHandler(ManifestNode node)
    {
        node.AllowOnly("function", "handler");
        var fnNode = node.Required("function");
        var function = fnNode.AsName();
        if (!function.Contains('(', StringComparison.Ordinal) || !function.EndsWith(')'))
        {
            throw fnNode.Error($"must be a function signature like transfer(address,uint256), not '{ManifestNode.Truncate(function)}'");
        }

        return new MappingCallHandler(function.Replace(" ", "", StringComparison.Ordinal), node.Required("handler").AsName(), node.Location);
    }

    private static List<MappingBlockHandler> ReadBlockHandlers(ManifestNode? node, Version spec)
    {
        if (node is not { } list)
        {
            return [];
        }

        var handlers = new List<MappingBlockHandler>();
        foreach (var item in list.Items())
        {
            item.AllowOnly("handler", "filter");
            var handler = item.Required("handler").AsName();
            BlockHandlerFilter? filter = null;
            if (item.Get("filter") is { } f)
            {
                f.AllowOnly("kind", "every");
                var kindNode = f.Required("kind");
                filter = kindNode.AsName() switch
                {
                    "call" => new BlockHandlerFilter(BlockHandlerFilterKind.Call),
                    "once" => new BlockHandlerFilter(BlockHandlerFilterKind.Once),
                    "polling" => new BlockHandlerFilter(BlockHandlerFilterKind.Polling, (int)f.Required("every").AsInteger(1, int.MaxValue)),
                    var other => throw kindNode.Error($"unknown block handler filter '{other}' (expected call, once or polling)"),
                };
                if (filter.Kind != BlockHandlerFilterKind.Call)
                {
                    ManifestReader.RequireSpec(kindNode, Spec008, spec);
                }
            }

            handlers.Add(new MappingBlockHandler(handler, filter, item.Location));
        }

        // graph-node: at most one handler per filter kind, and no unfiltered handler next to once/polling ones.
        var kinds = handlers.Select(h => h.Filter?.Kind).ToList();
        var duplicate = kinds.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw list.Error($"a data source may have one block handler of each kind; '{duplicate.Key?.ToString().ToLowerInvariant() ?? "unfiltered"}' appears {duplicate.Count()} times");
        }

        if (kinds.Contains(null) && (kinds.Contains(BlockHandlerFilterKind.Once) || kinds.Contains(BlockHandlerFilterKind.Polling)))
        {
            throw list.Error("an unfiltered block handler cannot be combined with once or polling block handlers");
        }

        return handlers;
    }
}
