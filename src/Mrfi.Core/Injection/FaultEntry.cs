using Mrfi.Core.Configuration;

namespace Mrfi.Core.Injection;

/// <summary>A fault entry with its components built for one sweep point and its modules resolved.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Target">Where it injects.</param>
/// <param name="Modules">Qualified names of the matched modules.</param>
/// <param name="Parameters">Parameter names, for weight targets.</param>
/// <param name="Enabled">Disabled entries do nothing, not even quantization.</param>
/// <param name="Quantizer">Optional quantizer.</param>
/// <param name="Layerwise">Quantize the whole tensor (true, MRFI's default) or only the selected values.</param>
/// <param name="Selector">Optional selector; null selects every value.</param>
/// <param name="ErrorModel">The error model.</param>
/// <param name="Scope">How long positions last: every forward, a trial, or the campaign.</param>
public sealed record FaultEntry(
    string Name,
    InjectionTarget Target,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Parameters,
    bool Enabled,
    IQuantizer? Quantizer,
    bool Layerwise,
    ISelector? Selector,
    IErrorModel ErrorModel,
    SelectorScope Scope = SelectorScope.Forward)
{
    /// <summary>Where the entry was written, for run-time errors.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Where its selector is written (the <c>method</c> key), for a selector that refuses a tensor at run time.</summary>
    public SourceLocation? SelectorLocation { get; init; }

    /// <summary>Weight faults drawn per sample of the batch instead of once per forward (Conv2d and Linear weights only).</summary>
    public bool PerSample { get; init; }
}
