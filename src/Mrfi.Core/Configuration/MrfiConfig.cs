namespace Mrfi.Core.Configuration;

/// <summary>A parsed, type-checked <c>mrfi.toml</c>; components are still unresolved tables (see <see cref="Planning.PlanBuilder"/>).</summary>
/// <param name="Path">The config file.</param>
/// <param name="Text">The file's text, kept for the manifest.</param>
/// <param name="Model">[model].</param>
/// <param name="Data">[data].</param>
/// <param name="Run">[run].</param>
/// <param name="Sweep">[sweep] variables, in file order.</param>
/// <param name="Repeats">[sweep] repeats: trials per sweep point.</param>
/// <param name="Faults">[[fault_inject]] entries.</param>
/// <param name="Observers">[[observe]] entries.</param>
public sealed record MrfiConfig(
    string Path,
    string Text,
    ModelSection Model,
    DataSection Data,
    RunSection Run,
    IReadOnlyList<SweepVariable> Sweep,
    int Repeats,
    IReadOnlyList<FaultEntrySection> Faults,
    IReadOnlyList<ObserveSection> Observers);

/// <summary>[model]: an architecture (whose constructor binds the other keys) and a weights file.</summary>
/// <param name="Table">The [model] table; <c>architecture</c> names the type.</param>
/// <param name="Weights">Weights file, resolved against the config's folder; null for untrained weights.</param>
/// <param name="WeightsLocation">Where <c>weights</c> was written.</param>
public sealed record ModelSection(ConfigTable Table, string? Weights, SourceLocation WeightsLocation);

/// <summary>[data]: where the evaluation images come from and how they are scaled.</summary>
/// <param name="Format">idx or cifar10.</param>
/// <param name="Images">IDX image file (idx).</param>
/// <param name="Labels">IDX label file (idx).</param>
/// <param name="Files">CIFAR-10 batch files (cifar10).</param>
/// <param name="Limit">Use only the first N samples; 0 = all.</param>
/// <param name="Mean">Per-channel (or one) mean subtracted after scaling pixels to [0, 1].</param>
/// <param name="Std">Per-channel (or one) standard deviation divided by.</param>
/// <param name="Location">The table's location.</param>
public sealed record DataSection(string Format, string? Images, string? Labels, IReadOnlyList<string> Files, long Limit, IReadOnlyList<double> Mean, IReadOnlyList<double> Std, SourceLocation Location);

/// <summary>[run]: campaign-wide settings.</summary>
/// <param name="Seed">Fixes every random draw.</param>
/// <param name="Device">cpu, cuda or cuda:N.</param>
/// <param name="BatchSize">Images per forward.</param>
/// <param name="Threads">Torch intra-op threads; 0 = Torch's default.</param>
/// <param name="Output">Folder under which each run creates its own results folder.</param>
public sealed record RunSection(long Seed, string Device, int BatchSize, int Threads, string Output);

/// <summary>A swept variable: a name and its values.</summary>
/// <param name="Name">Referenced as <c>"$name"</c> in component arguments.</param>
/// <param name="Values">The values, in order.</param>
public sealed record SweepVariable(string Name, IReadOnlyList<double> Values);

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
public sealed record FaultEntrySection(string Name, Injection.InjectionTarget Target, ModuleFilter Modules, IReadOnlyList<string> Parameters, bool Enabled, ConfigTable? Quantization, ConfigTable? Selector, ConfigTable ErrorModel, SourceLocation Location);

/// <summary>One [[observe]] entry.</summary>
/// <param name="Table">The entry; <c>method</c> names the observer, other non-reserved keys bind to its constructor.</param>
/// <param name="Modules">Which modules it watches.</param>
/// <param name="Position">pre (module input) or after (module output).</param>
public sealed record ObserveSection(ConfigTable Table, ModuleFilter Modules, Injection.ObservePosition Position);

/// <summary>Module matching, as MRFI's module_name / module_type / module_fullname (a module matching any one is chosen).</summary>
/// <param name="Names">Substrings of the qualified name, or globs when they contain * or ?.</param>
/// <param name="Types">Substrings of the module's type name (Conv2d, Linear, ...).</param>
/// <param name="FullNames">Exact qualified names.</param>
/// <param name="Location">Where the entry was written.</param>
public sealed record ModuleFilter(IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string> FullNames, SourceLocation Location)
{
    /// <summary>Whether no criterion was given.</summary>
    public bool IsEmpty => Names.Count == 0 && Types.Count == 0 && FullNames.Count == 0;
}
