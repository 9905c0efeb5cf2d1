namespace Mrfi.Results.Schema.Tests;

/// <summary>The tables' columns are listed once, and the reserved names are exactly the fixed columns of the tables that
/// also hold sweep columns.</summary>
[TestClass]
public sealed class ResultsSchemaTests
{
    [TestMethod]
    public void Reserved_names_are_the_fixed_columns_of_trials_and_points_sorted_once_each()
    {
        var expected = TrialColumns.Table.Names.Union(PointColumns.Table.Names).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, ResultsSchema.Reserved.ToList());
        CollectionAssert.IsSubsetOf(new[] { "sdc", "trial", "samples", "accuracy_mean", "sdc_rate_low", "masked_rate_high" },
            ResultsSchema.Reserved.ToList());
    }

    [TestMethod]
    public void Observer_and_fault_columns_are_not_reserved_because_those_tables_have_no_sweep_columns()
    {
        Assert.IsFalse(ResultsSchema.IsReserved(ObserverColumns.Observer));
        Assert.IsFalse(ResultsSchema.IsReserved(FaultColumns.Coordinates));
        Assert.IsFalse(ResultsSchema.IsReserved("ber"));
        Assert.IsTrue(ResultsSchema.IsReserved(TrialColumns.Sdc));
    }

    [TestMethod]
    public void No_table_lists_a_column_twice()
    {
        foreach (var table in ResultsSchema.Tables)
            Assert.AreEqual(table.Columns.Count, table.Names.Distinct().Count(), table.File);
    }

    [TestMethod]
    public void Sweep_columns_go_after_the_seed_in_trials_and_after_the_point_in_points()
    {
        var trials = TrialColumns.Table.NamesWith(["ber", "format"]);
        CollectionAssert.AreEqual(new[] { "trial", "point", "repeat", "seed", "ber", "format", "accuracy" }, trials.Take(7).ToList());
        Assert.AreEqual(TrialColumns.Table.Columns.Count + 2, trials.Count);
        CollectionAssert.AreEqual(new[] { "point", "ber", "trials" }, PointColumns.Table.NamesWith(["ber"]).Take(3).ToList());
        CollectionAssert.AreEqual(ObserverColumns.Table.Names.ToList(), ObserverColumns.Table.NamesWith(["ber"]).ToList());
    }

    [TestMethod]
    public void Interval_columns_follow_their_value_and_are_floats()
    {
        var names = TrialColumns.Table.Names.ToList();
        int at = names.IndexOf(TrialColumns.SdcRate);
        CollectionAssert.AreEqual(new[] { "sdc_rate", "sdc_rate_low", "sdc_rate_high" }, names.Skip(at).Take(3).ToList());
        Assert.IsTrue(TrialColumns.Table.Columns.Skip(at).Take(3).All(c => c.Kind == ColumnKind.Float));
        // The accuracy's own value comes earlier: only its interval sits with the rates.
        Assert.AreEqual(names.IndexOf("accuracy_low") + 1, names.IndexOf("accuracy_high"));
        Assert.AreEqual(1, names.Count(n => n == TrialColumns.Accuracy));
    }

    [TestMethod]
    public void The_clash_message_names_both_tables_and_lists_every_reserved_name()
    {
        string message = ResultsSchema.Clash("[sweep] variable", "sdc");
        StringAssert.StartsWith(message,
            "[sweep] variable 'sdc' would clash with a column of trials.parquet or points.parquet; choose another name");
        foreach (string name in ResultsSchema.Reserved) StringAssert.Contains(message, name);
    }
}
