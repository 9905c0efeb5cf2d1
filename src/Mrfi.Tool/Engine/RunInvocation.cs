using Mrfi.Core.Campaigns;

namespace Mrfi.Tool.Engine;

/// <summary>A `run` as the command line asked for it: which config, the request that goes into the engine, and what to report.</summary>
/// <param name="ConfigPath">The campaign config (a bundled example is written out first).</param>
/// <param name="Rerun">How the user names the campaign again (`CONFIG` or `--example NAME`), for the "continue with" hint.</param>
/// <param name="Options">How the config may load code.</param>
/// <param name="Request">Overrides of [run], which trials, where the results go.</param>
/// <param name="Json">`--json FILE`: also write the summary as JSON.</param>
/// <param name="Verbose">Log debug details.</param>
internal sealed record RunInvocation(string ConfigPath, string Rerun, LoadOptions Options, RunRequest Request, string? Json, bool Verbose);
