namespace DePin.Index.Devnet.Internal;

/// <summary>Ports handed out during one `up`, so two servers never get the same free port.</summary>
internal sealed class PortReservations
{
    private readonly HashSet<int> _taken = [];

    public void Reserve(int port)
    {
        lock (_taken) _taken.Add(port);
    }

    /// <summary>The first of <paramref name="candidates"/> (above 0) that is free and not yet handed out, else any free port.</summary>
    public int Choose(params int[] candidates)
    {
        lock (_taken)
        {
            foreach (var c in candidates)
            {
                if (c > 0 && !_taken.Contains(c) && FreePort.IsFree(c))
                {
                    _taken.Add(c);
                    return c;
                }
            }
            var port = FreePort.Pick(0, _taken);
            _taken.Add(port);
            return port;
        }
    }
}
