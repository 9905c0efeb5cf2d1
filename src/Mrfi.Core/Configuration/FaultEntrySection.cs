namespace Mrfi.Core.Configuration;

/// <summary>One [[fault_inject]] entry.</summary>
/// <param name="Name">The entry's name (default <c>fault_inject[i]</c>).</param>
/// <param name="Target">activation (input), activation_out or weight.</param>
/// <param name="Modules">Which modules it applies to.</param>
/// <param name="Parameters">For weight targets: parameter names (default ["weight"]).</param>
/// <param name="Enabled">Disabled entries neither quantize nor inject.</param>
/// <param name="Quantization">Quantizer table, with optional <c>layerwise</c>.</param>
/// <param name="Selector">Selector table; none selects every value.</param>
/// <param name="ErrorModel">Error model table.</param>
/// <param name="Location">The entry's location.</param>
public sealed record FaultEntrySection(string Name, InjectionTarget Target, ModuleFilter Modules, IReadOnlyList<string> Parameters,
    bool Enabled, ConfigTable? Quantization, ConfigTable? Selector, ConfigTable ErrorModel, SourceLocation Location)
{
    /// <summary>When <c>enabled</c> is a sweep reference: the value, evaluated per point (0 disables).</summary>
    public ConfigValue? EnabledReference { get; init; }

    /// <summary>Each sample of a batch gets its own weight faults (an independent experiment per image), computed as a sparse
    /// correction of the golden output when <c>[run] batched</c> is on.</summary>
    public bool PerSample { get; init; }
}
