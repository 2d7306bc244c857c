namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>One transaction the simulation sends, with the logs it must emit.</summary>
public abstract record SimStep
{
    /// <summary>Event name → how many logs of it the transaction must emit.</summary>
    public abstract IEnumerable<(string Event, int Count)> ExpectedEvents { get; }
}
