using Mrfi.Core.Catalog;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Planning;

/// <summary>Reads a config and builds its plan, collecting every problem of both steps; `run`, `validate`, `plan` and
/// `expand` all load through here, so they cannot disagree about what is valid.</summary>
public static class CampaignLoader
{
    /// <summary>The plan of <paramref name="path"/>; throws one <see cref="MrfiException"/> listing every problem.</summary>
    public static CampaignPlan Load(string path, ComponentCatalog? catalog = null)
    {
        var problems = new Problems();
        var config = ConfigReader.Read(path, problems);
        var plan = config is null ? null : new PlanBuilder(catalog ?? ComponentCatalog.BuiltIn).Build(config, problems);
        if (problems.Any) plan?.Model.Dispose();
        problems.ThrowIfAny();
        return plan!;
    }
}
