using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;

namespace Mrfi.Core.Tests.Campaigns;

/// <summary>Runs a whole campaign from TOML text into a <see cref="MemorySink"/>.</summary>
internal static class CampaignRun
{
    public static MemorySink Of(string toml)
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));
        using var model = plan.Model;
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()).Run(plan, sink, new SilentProgress());
        return sink;
    }
}
