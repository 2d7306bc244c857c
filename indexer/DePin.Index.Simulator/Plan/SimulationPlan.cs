using DePin.Index.Simulator.Plan.Steps;

namespace DePin.Index.Simulator.Plan;

/// <summary>Every transaction of a run, in order, and the totals they must produce.</summary>
public sealed record SimulationPlan(int Owners, int DeviceKeys, IReadOnlyList<SimStep> Steps, SimulationTotals Expected);
