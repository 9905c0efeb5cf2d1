using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class RunRequestTests
{
    private static MrfiConfig Config() =>
        ConfigReader.Read(ConfigFixture.Write(ConfigFixture.Full(ConfigFixture.WeightFault, "[sweep]\nrepeats = 4\n\n")));

    [TestMethod]
    public void Apply_replaces_the_seed_and_threads_it_names_and_keeps_the_rest_of_run()
    {
        var config = Config();
        var applied = new RunRequest { Seed = 7, Threads = 3 }.Apply(config);
        Assert.AreEqual(7L, applied.Run.Seed);
        Assert.AreEqual(3, applied.Run.Threads);
        Assert.AreEqual(config.Run with { Seed = 7, Threads = 3 }, applied.Run);
        var seedOnly = new RunRequest { Seed = 9 }.Apply(config);
        Assert.AreEqual(config.Run.Threads, seedOnly.Run.Threads);
        Assert.AreSame(config, new RunRequest().Apply(config), "an empty request leaves the config as read");
    }

    [TestMethod]
    public void Includes_takes_the_asked_trials_of_the_shard_that_are_not_finished()
    {
        var request = new RunRequest { Shard = new Shard(1, 2), Trials = new HashSet<long> { 1, 2, 3, 5 },
            Finished = new HashSet<long> { 5 } };
        Assert.AreEqual("1,3", string.Join(",", Enumerable.Range(0, 8).Where(t => request.Includes(t))));
        Assert.IsFalse(request.All);
        Assert.IsTrue(request.Partial);
        Assert.IsTrue(new RunRequest().All);
        Assert.IsFalse(new RunRequest { Finished = new HashSet<long> { 0 } }.Partial, "a resume runs the whole campaign");
    }

    [TestMethod]
    public void The_runner_refuses_a_request_whose_seed_never_reached_the_config()
    {
        // The seed must be applied before planning (model initialisation and data draw from it), never by the runner alone.
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(Config());
        using var model = plan.Model;
        Assert.ThrowsExactly<InvalidOperationException>(() =>
            new CampaignRunner(new LoggerConfiguration().CreateLogger())
                .Run(plan, null, new MemorySink(), new SilentProgress(), new RunRequest { Seed = plan.Config.Run.Seed + 1 }));
    }
}
