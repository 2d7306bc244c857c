namespace DePin.Index.Simulator;

/// <summary>Where a run stands: transactions sent of the plan's total, and what it is doing.</summary>
public readonly record struct SimulationProgress(string Phase, long TransactionsDone, long TransactionsTotal, long EventsDone);
