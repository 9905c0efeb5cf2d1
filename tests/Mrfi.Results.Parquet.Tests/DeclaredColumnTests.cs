using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet.Tests;

/// <summary>The trials and points tables may only write the fixed columns that Mrfi.Results.Schema declares (and
/// reserves), with the kinds it declares, so a column added to the writer alone cannot quietly take a name a sweep
/// variable may still have, nor change what readers find in it.</summary>
[TestClass]
public sealed class DeclaredColumnTests
{
    private static readonly TableSchema Schema = new("trials", [new Column("trial", ColumnKind.Integer)], SweepAfter: "trial");

    private sealed record Row(long Trial, double Ber);

    [TestMethod]
    public void A_column_that_is_not_declared_stops_the_write_and_names_the_column()
    {
        string path = Path.Combine(Repo.TempFolder("declared"), "t.parquet");
        var columns = new ColumnSet<Row>(Schema, ["ber"]).Long("trial", r => r.Trial).Double("ber", r => r.Ber).Double("rmse", r => 0);
        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => columns.WriteAsync(path, [new Row(0, 1e-3)]).GetAwaiter()
            .GetResult());
        StringAssert.Contains(thrown.Message, "trials.parquet columns differ from Mrfi.Results.Schema (not declared: [rmse (Float)]");
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    public void A_declared_column_written_as_another_kind_stops_the_write()
    {
        string path = Path.Combine(Repo.TempFolder("declared"), "t.parquet");
        var columns = new ColumnSet<Row>(Schema, ["ber"]).Double("trial", r => r.Trial).Double("ber", r => r.Ber);
        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => columns.WriteAsync(path, [new Row(0, 1e-3)]).GetAwaiter()
            .GetResult());
        StringAssert.Contains(thrown.Message, "not declared: [trial (Float)]; not written: [trial (Integer)]");
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    public void Declared_and_sweep_columns_are_written()
    {
        string path = Path.Combine(Repo.TempFolder("declared"), "t.parquet");
        new ColumnSet<Row>(Schema, ["ber"]).Long("trial", r => r.Trial).Double("ber", r => r.Ber).WriteAsync(path, [new Row(0, 1e-3)])
            .GetAwaiter().GetResult();
        CollectionAssert.AreEqual(new[] { "trial", "ber" }, DuckDb.Schema(path).Keys.ToArray());
    }

    [TestMethod]
    public void Every_table_the_sink_writes_matches_the_schema_in_names_order_and_kind()
    {
        // The merged tables of a run with one numeric and one text sweep variable, read back by DuckDB (an independent reader).
        string folder = Repo.TempFolder("declared-all");
        var sweep = new[] { "ber", "format" };
        var values = new Mrfi.Core.Configuration.SweepValues(
            [KeyValuePair.Create("ber", (object)1e-3), KeyValuePair.Create("format", (object)"int8")]);
        var trial = new Mrfi.Core.Campaigns.TrialRecord(0, 0, 0, 7, values, 0.9, 0.9, 0.9, 9, 10, 1, 3, 0.1, DateTime.UtcNow);
        ParquetResultSink.WriteMergedAsync(folder, sweep, [trial], [new(0, "fc", "after", "MinMax", "min", -0.5)],
            [new(0, 0, "fc", "weight", "w", 3, "[0, 3]", 4, 0.5, -0.5, 10, -10, "element")]).GetAwaiter().GetResult();
        foreach (var table in ResultsSchema.Tables)
        {
            var schema = DuckDb.Schema(Path.Combine(folder, table.File));
            CollectionAssert.AreEqual(table.NamesWith(sweep).ToList(), schema.Keys.ToList(), table.File);
            foreach (var column in table.Columns)
                Assert.AreEqual(column.Kind, KindOf(schema[column.Name]), $"{table.File}: {column.Name} is {schema[column.Name]}");
        }
    }

    /// <summary>A DuckDB type as a column kind.</summary>
    private static ColumnKind KindOf(string duckType) => duckType switch
    {
        "BIGINT" or "INTEGER" => ColumnKind.Integer,
        "DOUBLE" => ColumnKind.Float,
        "VARCHAR" => ColumnKind.Text,
        "DOUBLE[]" => ColumnKind.FloatList,
        _ when duckType.StartsWith("TIMESTAMP", StringComparison.Ordinal) => ColumnKind.Timestamp,
        _ => throw new AssertFailedException($"mrfi writes no {duckType} column"),
    };
}
