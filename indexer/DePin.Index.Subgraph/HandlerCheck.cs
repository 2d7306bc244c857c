using DePin.Index.Ethereum.Abi;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Subgraph;

/// <summary>Checks a data source's handlers against its ABIs (graph-node's <c>contract_event_with_signature</c> and friends).</summary>
internal static class HandlerCheck
{
    public static void Check(DataSource ds, Dictionary<string, ContractAbi> abis, Dictionary<MappingEventHandler, EventAbi> events)
    {
        var abiName = ds.Source.Abi;
        var contract = abis[abiName];
        for (var i = 0; i < ds.Mapping.EventHandlers.Count; i++)
        {
            var handler = ds.Mapping.EventHandlers[i];
            events[handler] = FindEvent(contract, handler.Event)
                ?? throw Error(handler.Location, "event",
                    $"event '{handler.Event}' is not in ABI '{abiName}'; its events are: {List(contract.Events.Select(e => e.ManifestSignature))}");
            foreach (var call in handler.Calls)
            {
                CheckDeclaredCall(handler, call, abis);
            }
        }

        foreach (var handler in ds.Mapping.CallHandlers)
        {
            if (!contract.Functions.Any(f => f.Signature == handler.Function))
            {
                throw Error(handler.Location, "function",
                    $"function '{handler.Function}' is not in ABI '{abiName}'; its functions are: {List(contract.Functions.Select(f => f.Signature))}");
            }
        }
    }

    /// <summary>
    /// The event with exactly this signature (with <c>indexed</c> markers); failing that, the only
    /// event of that name if its signature without markers matches.
    /// </summary>
    internal static EventAbi? FindEvent(ContractAbi abi, string signature)
    {
        var exact = abi.Events.FirstOrDefault(e => e.ManifestSignature == signature);
        if (exact is not null)
        {
            return exact;
        }

        var name = signature[..Math.Max(0, signature.IndexOf('(', StringComparison.Ordinal))];
        var named = abi.Events.Where(e => e.Name == name).ToList();
        return named.Count == 1 && named[0].Signature == signature ? named[0] : null;
    }

    private static void CheckDeclaredCall(MappingEventHandler handler, DeclaredCall call, Dictionary<string, ContractAbi> abis)
    {
        // Abi[event.address].function(args)
        var expr = call.Expression;
        var close = expr.IndexOf(']', StringComparison.Ordinal);
        var open = close < 0 ? -1 : expr.IndexOf('(', close);
        if (close < 0 || open < 0 || close + 1 >= expr.Length || expr[close + 1] != '.')
        {
            throw Error(handler.Location, $"calls.{call.Label}", $"'{expr}' is not of the form Abi[address].function(arguments)");
        }

        var abiName = expr[..expr.IndexOf('[', StringComparison.Ordinal)].Trim();
        var function = expr[(close + 2)..open].Trim();
        if (!abis.TryGetValue(abiName, out var abi) || abi.GetFunctions(function).Count == 0)
        {
            throw Error(handler.Location, $"calls.{call.Label}", $"ABI '{abiName}' has no function '{function}'");
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 0 ? "(none)" : string.Join(", ", all);
    }

    private static ManifestException Error(ManifestLocation at, string key, string problem) =>
        new(at.File, at.Line, at.Column, $"{at.Path}.{key}", problem);
}
