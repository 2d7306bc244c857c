using System.CommandLine;
using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate list [DELEGATOR]`: the delegator's positions (indexers found from its StakeDelegated events, values from the contract).</summary>
internal static class DelegateListCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var delegator = new Argument<string?>("delegator") { Description = "The delegator (default: the --from account).", Arity = ArgumentArity.ZeroOrOne };
        var cmd = o.AddTo(new Command("list", "List a delegator's delegations: shares, their value, what is unbonding.") { delegator });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var who = Signer.AddressOf(env, parse.GetValue(delegator), parse.GetValue(o.From));
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var logs = await EventScan.LogsAsync(s, s.Client.Addresses.Staking, EventScan.StakeDelegated, null, EventScan.Topic(who), ct);
            var indexers = logs.Select(l => new Address(l.Topics[1].ToArray().AsSpan(12))).Distinct().ToList();
            var positions = new List<DelegationInfo>();
            foreach (var indexer in indexers) positions.Add(await s.Client.GetDelegationAsync(indexer, who, ct));
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { delegator = who.ToChecksumString(), delegations = positions.Select(DelegateCommands.ToJson) });
                return 0;
            }
            if (positions.Count == 0)
            {
                console.MarkupLine($"{who} has no delegations");
                return 0;
            }
            var table = new Table().Title($"delegations of {who}").AddColumns("indexer", "shares", "value", "unbonding", "until epoch");
            foreach (var p in positions)
            {
                table.AddRow(p.Indexer.ToChecksumString(), Dpi.Format(p.Shares), Dpi.Display(p.Value), Dpi.Display(p.LockedTokens),
                    p.LockedTokens.IsZero ? "-" : p.LockedUntilEpoch.ToString(CultureInfo.InvariantCulture));
            }
            console.Write(table);
            return 0;
        }));
        return cmd;
    }
}
