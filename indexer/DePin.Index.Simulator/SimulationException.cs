namespace DePin.Index.Simulator;

/// <summary>The chain did not do what the plan expected (a revert, or other logs than planned).</summary>
public sealed class SimulationException : Exception
{
    public SimulationException() { }
    public SimulationException(string message) : base(message) { }
    public SimulationException(string message, Exception innerException) : base(message, innerException) { }
}
