namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Where the protocol lives: <c>--rpc</c> and <c>--dir</c> (the devnet whose state.json records the contracts).</summary>
internal sealed record ProtocolEndpoint(string? Rpc, string? DevnetDir);
