using Wasmtime;

namespace DePin.Index.Runtime.Hosting;

/// <summary>
/// One background timer that advances the epoch of every registered engine every
/// <see cref="Tick"/>; a store's epoch deadline of n ticks interrupts its code after about
/// n × 10 ms (the handler wall-clock cap).
/// </summary>
internal static class EpochTicker
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private static readonly Lock Gate = new();
    private static readonly List<Engine> Engines = [];
    private static Timer? _timer;

    public static void Register(Engine engine)
    {
        lock (Gate)
        {
            Engines.Add(engine);
            _timer ??= new Timer(_ => Advance(), null, Tick, Tick);
        }
    }

    public static void Unregister(Engine engine)
    {
        lock (Gate)
        {
            Engines.Remove(engine);
        }
    }

    /// <summary>Deadline in ticks for a wall-clock limit (rounded up, plus one for the partial current tick).</summary>
    public static ulong TicksFor(TimeSpan timeout) => (ulong)Math.Ceiling(timeout / Tick) + 1;

    private static void Advance()
    {
        lock (Gate)
        {
            foreach (var engine in Engines)
            {
                engine.IncrementEpoch();
            }
        }
    }
}
