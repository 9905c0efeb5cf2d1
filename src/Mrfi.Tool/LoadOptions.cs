namespace Mrfi.Tool;

/// <summary>How a config may load code.</summary>
/// <param name="AllowScripts">Whether inline C# may run (`--no-scripts` refuses it).</param>
/// <param name="ScriptCache">Whether compiled snippets are cached on disk (`--no-script-cache`).</param>
internal sealed record LoadOptions(bool AllowScripts = true, bool ScriptCache = true);
