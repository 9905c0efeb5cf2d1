namespace Mrfi.Tool;

/// <summary>How a config may load code.</summary>
/// <param name="AllowScripts">Whether inline C# may run (`--no-scripts` refuses it).</param>
/// <param name="ScriptCache">Whether compiled snippets are cached on disk (`--no-script-cache`).</param>
/// <param name="Seed">`--seed`: replaces [run] seed before anything is planned or drawn, so every random draw (untrained
/// weights, synthetic data, the dry forward, the trials) sees the same seed as `[run] seed = N` would give.</param>
internal sealed record LoadOptions(bool AllowScripts = true, bool ScriptCache = true, long? Seed = null);
