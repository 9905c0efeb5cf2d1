using Mrfi.Core.Benchmarks;

namespace Mrfi.Core.Tests.Benchmarks;

[TestClass]
public sealed class PairedRoundsTests
{
    private readonly FakeClock _clock = new();
    private readonly List<string> _log = [];

    private FakeSubject Subject(string name, Func<int, double> ms) => new(name, _clock, ms, _log);

    private RoundTimes Measure(IReadOnlyList<IBenchSubject> subjects, int rounds, int warmup, int groups = 1) =>
        new PairedRounds(() => _clock.Now).Measure(subjects, rounds, warmup, groups);

    [TestMethod]
    public void Every_round_runs_every_subject_once_and_every_other_round_in_reverse_order()
    {
        Measure([Subject("row", _ => 1), Subject("golden", _ => 1)], rounds: 2, warmup: 1);
        string[] expected =
        [
            // Warm-up round −1 is odd: reversed; timed round 0 runs forwards, round 1 reversed.
            "golden.prepare(-1)", "golden.run", "golden.finish(-1)", "row.prepare(-1)", "row.run", "row.finish(-1)",
            "row.prepare(0)", "row.run", "row.finish(0)", "golden.prepare(0)", "golden.run", "golden.finish(0)",
            "golden.prepare(1)", "golden.run", "golden.finish(1)", "row.prepare(1)", "row.run", "row.finish(1)",
        ];
        CollectionAssert.AreEqual(expected, _log);
    }

    [TestMethod]
    public void Four_subjects_of_a_comparison_reverse_every_round_and_rotate_which_model_leads_every_two()
    {
        var subjects = new[] { "onnx row", "onnx golden", "built-in row", "built-in golden" }.Select(n => Subject(n, _ => 1)).ToList();
        Measure(subjects, rounds: 4, warmup: 0, groups: 2);
        var runs = _log.Where(l => l.EndsWith(".run", StringComparison.Ordinal)).Select(l => l[..^4]).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "onnx row", "onnx golden", "built-in row", "built-in golden",
            "built-in golden", "built-in row", "onnx golden", "onnx row",
            "built-in row", "built-in golden", "onnx row", "onnx golden",
            "onnx golden", "onnx row", "built-in golden", "built-in row",
        }, runs);
    }

    [TestMethod]
    public void Over_four_rounds_each_golden_forward_follows_a_row_as_often_as_the_other_model_s()
    {
        // Subjects 0 and 2 are rows, 1 and 3 golden forwards; the run before each subject, across round boundaries.
        var order = Enumerable.Range(0, 8).SelectMany(r => PairedRounds.Order(r, 4, 2)).ToList();
        int AfterARow(int golden) => Enumerable.Range(1, order.Count - 1).Count(i => order[i] == golden && order[i - 1] % 2 == 0);
        Assert.AreEqual(AfterARow(1), AfterARow(3));
        Assert.IsGreaterThan(0, AfterARow(1));
        // And each model's row runs before its golden forward in half of the rounds.
        int RowFirst(int row) => Enumerable.Range(0, 8)
            .Count(r => PairedRounds.Order(r, 4, 2).ToList() is var o && o.IndexOf(row) < o.IndexOf(row + 1));
        Assert.AreEqual(4, RowFirst(0));
        Assert.AreEqual(4, RowFirst(2));
    }

    [TestMethod]
    public void Subjects_that_do_not_form_equal_groups_are_refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() =>
            Measure([Subject("a", _ => 1), Subject("b", _ => 1), Subject("c", _ => 1)], rounds: 1, warmup: 0, groups: 2));
    }

    [TestMethod]
    public void Only_the_run_is_timed_and_warm_up_rounds_are_not_recorded()
    {
        // Run takes 10·(round + 2) ms; Prepare and Finish move the clock by 1000 and 500 ms, which must not count.
        var times = Measure([Subject("a", r => 10 * (r + 2)), Subject("b", r => 3)], rounds: 3, warmup: 2);
        Assert.AreEqual(3, times.Rounds);
        CollectionAssert.AreEqual(new[] { 20.0, 30.0, 40.0 }, times.Ms[0].ToArray());
        CollectionAssert.AreEqual(new[] { 3.0, 3.0, 3.0 }, times.Ms[1].ToArray());
        Assert.AreEqual(30.0, times.Median(0));
    }

    [TestMethod]
    public void The_ratio_is_the_median_of_per_round_ratios_not_the_ratio_of_the_medians()
    {
        double[] row = [10, 30, 40], golden = [5, 30, 10];
        var times = Measure([Subject("row", r => row[r]), Subject("golden", r => golden[r])], rounds: 3, warmup: 0);
        // Per round 2, 1, 4: median 2. The medians' ratio would be 30 / 10 = 3.
        Assert.AreEqual(2.0, times.Ratio(0, 1), 1e-12);
        Assert.AreEqual(3.0, times.Median(0) / times.Median(1), 1e-12);
    }

    [TestMethod]
    public void Load_that_changes_between_rounds_cancels_in_the_ratios_and_in_their_difference()
    {
        // The machine is five times slower in the warm-up round and three times in rounds 1 and 2, for everything in them.
        double[] load = [5, 1, 3, 3, 1, 1];
        var subjects = new[] { 2.4, 1.0, 2.2, 1.0 }.Select((ms, i) => Subject($"s{i}", r => ms * load[r + 1])).ToList();
        var times = Measure(subjects, rounds: 5, warmup: 1);
        Assert.AreEqual(2.4, times.Ratio(0, 1), 1e-12);
        Assert.AreEqual(2.2, times.Ratio(2, 3), 1e-12);
        Assert.AreEqual(0.2, times.Ratio(0, 1) - times.Ratio(2, 3), 1e-12);
    }

    [TestMethod]
    public void An_even_number_of_rounds_takes_the_mean_of_the_middle_two()
    {
        double[] row = [4, 1, 9, 6];
        var times = Measure([Subject("row", r => row[r])], rounds: 4, warmup: 0);
        Assert.AreEqual(5.0, times.Median(0), 1e-12);
    }

    [TestMethod]
    public void Zero_rounds_or_negative_warm_up_are_refused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Measure([Subject("a", _ => 1)], rounds: 0, warmup: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Measure([Subject("a", _ => 1)], rounds: 1, warmup: -1));
    }
}
