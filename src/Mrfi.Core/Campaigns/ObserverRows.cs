using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Campaigns;

/// <summary>The observers.parquet rows of one trial.</summary>
internal static class ObserverRows
{
    /// <summary>Every metric of every observer of <paramref name="session"/>. Where an observer's module never ran in the
    /// trial its metrics are written with null values: whatever it reports (MinMax's ±inf, MaxAbs's 0, a histogram of
    /// zeros) was not measured. MRFI gives None or raises there.</summary>
    public static List<ObserverRecord> Of(FaultInjectionSession session, long trial) =>
    [
        .. session.Observers.SelectMany(o =>
        {
            bool saw = session.Saw(o);
            string position = o.Position == ObservePosition.Pre ? "pre" : "after";
            return o.Observer.Result().Select(m =>
                new ObserverRecord(trial, o.Module, position, o.Method, m.Name, saw ? m.Value : null, m.Index));
        }),
    ];
}
