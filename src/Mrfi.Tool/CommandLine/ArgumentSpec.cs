namespace Mrfi.Tool.CommandLine;

/// <summary>A positional argument: its placeholder (CONFIG, DIR …), whether it is required and whether it takes the rest.</summary>
internal sealed record ArgumentSpec(string ValueName, bool Required, bool TakesRest);
