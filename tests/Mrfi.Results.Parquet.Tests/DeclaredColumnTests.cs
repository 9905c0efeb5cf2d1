using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;

namespace Mrfi.Results.Parquet.Tests;

/// <summary>The trials and points tables may only write the fixed columns that <see cref="ResultColumns"/> declares (and
/// reserves), so a column added to the writer alone cannot quietly take a name a sweep variable may still have.</summary>
[TestClass]
public sealed class DeclaredColumnTests
{
    private sealed record Row(long Trial, double Ber);

    [TestMethod]
    public void A_column_that_is_not_declared_stops_the_write_and_names_the_column()
    {
        string path = Path.Combine(Repo.TempFolder("declared"), "t.parquet");
        var columns = new ColumnSet<Row>(("trials.parquet", ["trial"]), ["ber"]).Long("trial", r => r.Trial).Double("ber", r => r.Ber).Double("rmse", r => 0);
        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => columns.WriteAsync(path, [new Row(0, 1e-3)]).GetAwaiter().GetResult());
        StringAssert.Contains(thrown.Message, "not declared: [rmse]");
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    public void Declared_and_sweep_columns_are_written()
    {
        string path = Path.Combine(Repo.TempFolder("declared"), "t.parquet");
        new ColumnSet<Row>(("trials.parquet", ["trial"]), ["ber"]).Long("trial", r => r.Trial).Double("ber", r => r.Ber).WriteAsync(path, [new Row(0, 1e-3)]).GetAwaiter().GetResult();
        CollectionAssert.AreEqual(new[] { "trial", "ber" }, DuckDb.Schema(path).Keys.ToArray());
    }
}
