using System.Collections.Concurrent;
using System.Globalization;

namespace CiPublisher.Core.Http;

/// <summary>
/// Requests sent to each service, every attempt on the wire counted (retries and next pages included): the one
/// meaning of "api-calls" in every target's figures, counted by <see cref="CallCountingHandler"/>.
/// </summary>
public sealed class CallMeter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public void Count(string service) => _calls.AddOrUpdate(service, 1, (_, calls) => calls + 1);

    public int CallsTo(string service) => _calls.GetValueOrDefault(service);

    public const string FigureName = "api-calls";

    /// <summary>The value of a service's "api-calls" figure.</summary>
    public string Figure(string service) => CallsTo(service).ToString(CultureInfo.InvariantCulture);
}
