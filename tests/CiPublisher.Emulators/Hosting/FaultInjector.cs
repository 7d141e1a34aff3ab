namespace CiPublisher.Emulators.Hosting;

/// <summary>Faults waiting for their request, each used once, in the order they were added.</summary>
public sealed class FaultInjector
{
    private readonly List<Fault> _pending = [];

    public void Add(Fault fault)
    {
        lock (_pending) _pending.Add(fault);
    }

    public void Add(Fault fault, int times)
    {
        for (var i = 0; i < times; i++) Add(fault);
    }

    public int PendingCount
    {
        get { lock (_pending) return _pending.Count; }
    }

    public Fault? Take(string method, string path)
    {
        lock (_pending)
        {
            var index = _pending.FindIndex(f => f.Matches(method, path));
            if (index < 0) return null;
            var fault = _pending[index];
            if (fault.Skip > 0)
            {
                _pending[index] = fault with { Skip = fault.Skip - 1 };
                return null;
            }
            _pending.RemoveAt(index);
            return fault;
        }
    }
}
