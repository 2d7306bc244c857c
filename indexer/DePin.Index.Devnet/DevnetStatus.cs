namespace DePin.Index.Devnet;

/// <summary>The result of <see cref="LocalDevnet.StatusAsync"/>: the recorded state and each server's health.</summary>
/// <param name="Dir">The devnet folder.</param>
/// <param name="State">state.json, or null when there is none.</param>
/// <param name="Services">postgres, redis, anvil in that order, then the index node when one is recorded.</param>
public sealed record DevnetStatus(string Dir, DevnetState? State, IReadOnlyList<ServiceStatus> Services)
{
    /// <summary>True when all three servers run and answer.</summary>
    public bool AllRunning => Services.All(s => s.Running);

    /// <summary>True when none of the recorded servers is alive.</summary>
    public bool NoneAlive => Services.All(s => !s.Alive);
}
