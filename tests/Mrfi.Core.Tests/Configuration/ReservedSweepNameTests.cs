using Mrfi.Core.Configuration;
using Mrfi.Results.Schema;

namespace Mrfi.Core.Tests.Configuration;

/// <summary>A sweep variable becomes a column of trials.parquet and points.parquet, so a name the schema reserves is a
/// config error on its line: before, <c>sdc = [1, 2]</c> passed validate and run, wrote two sdc columns, and report then
/// refused the folder.</summary>
[TestClass]
public sealed class ReservedSweepNameTests
{
    public static IEnumerable<object[]> ReservedNames => ResultsSchema.Reserved.Select(n => new object[] { n });

    private static (MrfiException Error, int Line) Refuse(string name)
    {
        string toml = ConfigFixture.Full(extra: $"[sweep]\nber = [1e-4]\n{name} = [1, 2]\n\n");
        int line = toml.Split('\n').ToList().IndexOf($"{name} = [1, 2]") + 1;
        return (Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(toml))), line);
    }

    [TestMethod]
    [DynamicData(nameof(ReservedNames))]
    public void A_sweep_variable_named_after_a_fixed_column_is_refused_on_its_line(string name)
    {
        var (error, line) = Refuse(name);
        StringAssert.Contains(error.Message, $"mrfi.toml({line},");
        StringAssert.Contains(error.Message, $"[sweep] variable '{name}' would clash with a column of trials.parquet or points.parquet");
    }

    [TestMethod]
    public void The_sdc_bug_a_variable_named_sdc_is_refused_and_the_message_lists_every_reserved_name()
    {
        var (error, line) = Refuse("sdc");
        StringAssert.Contains(error.Message, $"mrfi.toml({line},");
        StringAssert.Contains(error.Message, "choose another name (reserved: ");
        foreach (string name in ResultsSchema.Reserved) StringAssert.Contains(error.Message, name);
    }

    [TestMethod]
    public void Names_of_the_other_tables_columns_stay_free()
    {
        // observers.parquet and faults.parquet have no sweep columns.
        var config = ConfigReader.Read(ConfigFixture.Write(ConfigFixture.Full(extra: "[sweep]\nlayer = [1, 2]\nbits = [1, 2]\n\n")));
        CollectionAssert.AreEqual(new[] { "layer", "bits" }, config.Sweep.Select(v => v.Name).ToList());
    }
}
