using Mrfi.Core.Campaigns;

namespace Mrfi.Tool;

/// <summary>How a config may load code, and the run request whose overrides it is loaded with.</summary>
/// <param name="AllowScripts">Whether inline C# may run (`--no-scripts` refuses it).</param>
/// <param name="ScriptCache">Whether compiled snippets are cached on disk (`--no-script-cache`).</param>
/// <param name="Request">`run`'s (or `submit`'s) request: its overrides (`--seed`, `--threads`) replace [run] before anything
/// is planned or drawn, so every random draw (untrained weights, synthetic data, the dry forward, the trials) sees the same
/// seed as `[run] seed = N` would give. Null: none.</param>
internal sealed record LoadOptions(bool AllowScripts = true, bool ScriptCache = true, RunRequest? Request = null);
