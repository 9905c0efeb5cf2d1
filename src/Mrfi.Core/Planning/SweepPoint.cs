using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;

namespace Mrfi.Core.Planning;

/// <summary>One combination of sweep values with the fault entries built for it.</summary>
/// <param name="Index">0-based point number.</param>
/// <param name="Values">Sweep variable → value.</param>
/// <param name="Entries">The fault entries with components bound to these values.</param>
public sealed record SweepPoint(int Index, SweepValues Values, IReadOnlyList<FaultEntry> Entries);
