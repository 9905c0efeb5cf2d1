using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Plugins;
using Mrfi.Scripting;

namespace Mrfi.Tool;

/// <summary>Loads campaigns the way every command does: built-in components, plus the config's plugins and inline C#.</summary>
internal static class ToolCatalog
{
    /// <summary>The plan, or one exception listing every problem.</summary>
    public static CampaignPlan Load(string path, LoadOptions? options = null) => LoadWithPlugins(path, options).Plan;

    /// <summary>The plan and its plugins, or one exception listing every problem.</summary>
    public static LoadedCampaign LoadWithPlugins(string path, LoadOptions? options = null)
    {
        var problems = new Problems();
        var loaded = LoadLenient(path, problems, options);
        if (problems.Any) loaded?.Plan.Model.Dispose();
        problems.ThrowIfAny();
        return loaded!;
    }

    /// <summary>The plan with problems recorded (entries with problems left out); null when there is no usable model.</summary>
    public static LoadedCampaign? LoadLenient(string path, Problems problems, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var config = ConfigReader.Read(path, problems);
        if (config is null) return null;
        // The request's overrides go in before planning: everything downstream reads config.Run.Seed.
        if (options.Request is { } request) config = request.Apply(config);
        var catalog = ComponentCatalog.BuiltIn;
        var plugins = PluginSource.AddTo(catalog, config, problems);
        var inline = new InlineComponents(options.AllowScripts, options.ScriptCache);
        var plan = new PlanBuilder(catalog, inline).Build(config, problems);
        return plan is null ? null : new LoadedCampaign(plan, plugins, inline.Snippets);
    }

    /// <summary>The catalog a config sees (built-ins and its plugins), for `list --config`.</summary>
    public static ComponentCatalog CatalogFor(string path)
    {
        var problems = new Problems();
        var config = ConfigReader.Read(path, problems);
        var catalog = ComponentCatalog.BuiltIn;
        if (config is not null) PluginSource.AddTo(catalog, config, problems);
        problems.ThrowIfAny();
        return catalog;
    }
}
