using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Tool.Commands;

namespace Mrfi.Tool.Tests.Commands;

/// <summary><c>run</c>'s options become one <see cref="RunRequest"/>, which the engine applies before planning.</summary>
[TestClass]
public sealed class RunOptionsTests
{
    [TestMethod]
    public void The_options_map_to_one_request()
    {
        var run = RunCommand.Invocation(
            new RunSettings { Config = "c.toml", Seed = 7, Threads = 3, Shard = "1/4", Trials = [5, 9, 5], Out = "results/x",
                Json = "s.json" });
        var r = run.Request;
        Assert.AreEqual((7L, 3, new Shard(1, 4), "results/x", false), (r.Seed, r.Threads, r.Shard, r.Output, r.Resume));
        CollectionAssert.AreEquivalent(new long[] { 5, 9 }, r.Trials.ToList());
        Assert.AreEqual(("c.toml", "c.toml", "s.json"), (run.ConfigPath, run.Rerun, run.Json));
        Assert.IsTrue(r.Partial);
    }

    [TestMethod]
    public void Resume_continues_in_its_folder_and_no_options_ask_for_the_whole_campaign()
    {
        var resumed = RunCommand.Invocation(new RunSettings { Config = "c.toml", Resume = "results/old" }).Request;
        Assert.AreEqual(("results/old", true), (resumed.Output, resumed.Resume));
        var plain = RunCommand.Invocation(new RunSettings { Config = "c.toml" }).Request;
        Assert.IsTrue(plain.All);
        Assert.AreEqual((null, null, null), (plain.Seed, plain.Threads, plain.Output));
    }

    [TestMethod]
    public void Zero_threads_is_refused_before_anything_is_loaded()
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => RunCommand.Invocation(new RunSettings { Config = "missing.toml", Threads = 0 }));
        StringAssert.Contains(e.Message, "--threads 0");
    }
}
