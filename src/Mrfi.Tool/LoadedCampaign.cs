using Mrfi.Core.Planning;
using Mrfi.Plugins;
using Mrfi.Scripting;

namespace Mrfi.Tool;

/// <summary>A campaign as the tool loaded it: the plan and the plugins it brought in.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Plugins">Plugin assemblies loaded for it.</param>
/// <param name="Snippets">Inline C# compiled for it.</param>
internal sealed record LoadedCampaign(CampaignPlan Plan, IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<CompiledSnippet> Snippets);
