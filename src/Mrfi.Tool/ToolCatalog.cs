using Mrfi.Core.Catalog;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Plugins;

namespace Mrfi.Tool;

/// <summary>Loads campaigns the way every command does: built-in components, plus the config's plugins and inline C#.</summary>
internal static class ToolCatalog
{
    /// <summary>The plan, or one exception listing every problem.</summary>
    public static CampaignPlan Load(string path) => LoadWithPlugins(path).Plan;

    /// <summary>The plan and its plugins, or one exception listing every problem.</summary>
    public static LoadedCampaign LoadWithPlugins(string path)
    {
        var problems = new Problems();
        var loaded = LoadLenient(path, problems);
        if (problems.Any) loaded?.Plan.Model.Dispose();
        problems.ThrowIfAny();
        return loaded!;
    }

    /// <summary>The plan with problems recorded (entries with problems left out); null when there is no usable model.</summary>
    public static LoadedCampaign? LoadLenient(string path, Problems problems)
    {
        var config = ConfigReader.Read(path, problems);
        if (config is null) return null;
        var catalog = ComponentCatalog.BuiltIn;
        var plugins = PluginSource.AddTo(catalog, config, problems);
        var plan = new PlanBuilder(catalog).Build(config, problems);
        return plan is null ? null : new LoadedCampaign(plan, plugins);
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
