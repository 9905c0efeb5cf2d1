using Mrfi.Core.Configuration;

namespace Mrfi.Core.Tests;

[TestClass]
public sealed class DiagnosticTests
{
    private static readonly string NL = Environment.NewLine;

    [TestMethod]
    public void An_error_without_a_location_reads_error_colon_message() =>
        Assert.AreEqual("error: --shards N is needed", new Diagnostic("--shards N is needed").ToString());

    [TestMethod]
    public void A_located_error_reads_like_a_compiler_diagnostic() =>
        Assert.AreEqual("mrfi.toml(3,7): error: [run] batch_size must be a positive integer",
            new Diagnostic("[run] batch_size must be a positive integer", new SourceLocation("mrfi.toml", 3, 7)).ToString());

    [TestMethod]
    public void A_location_without_a_line_is_the_file_alone() =>
        Assert.AreEqual("mrfi.toml: error: the file is empty",
            new Diagnostic("the file is empty", new SourceLocation("mrfi.toml", 0, 0)).ToString());

    [TestMethod]
    public void A_key_goes_before_the_message_and_a_code_after_the_severity()
    {
        var at = new SourceLocation("run.csx", 2, 5);
        Assert.AreEqual("run.csx(2,5): error: [data] images: data file not found: /x",
            new Diagnostic("data file not found: /x", at) { Key = "[data] images" }.ToString());
        Assert.AreEqual("run.csx(2,5): error CS0103: The name 'y' does not exist in the current context",
            new Diagnostic("The name 'y' does not exist in the current context", at) { Code = "CS0103" }.ToString());
    }

    [TestMethod]
    public void A_warning_says_warning() =>
        Assert.AreEqual("warning: slow", new Diagnostic("slow") { Severity = Severity.Warning }.ToString());

    [TestMethod]
    public void One_problem_is_one_line_without_a_count()
    {
        var e = new MrfiException("repeats must be at least 1");
        Assert.AreEqual("error: repeats must be at least 1", e.Message);
        Assert.HasCount(1, e.Diagnostics);
        Assert.AreEqual("repeats must be at least 1", e.Diagnostics[0].Message);
        Assert.IsNull(e.Diagnostics[0].Location);
    }

    [TestMethod]
    public void Several_problems_are_one_line_each_then_their_count()
    {
        var e = MrfiException.Many([new Diagnostic("first", new SourceLocation("a.toml", 1, 2)), new Diagnostic("second")]);
        Assert.AreEqual($"a.toml(1,2): error: first{NL}error: second{NL}2 problems found.", e.Message);
        CollectionAssert.AreEqual(new[] { "a.toml(1,2): error: first", "error: second" }, e.Problems.ToArray());
    }

    [TestMethod]
    public void An_exception_without_problems_is_refused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new MrfiException(Array.Empty<Diagnostic>()));

    [TestMethod]
    public void At_keeps_the_location_as_data()
    {
        var at = new SourceLocation("c.toml", 9, 1);
        var e = MrfiException.At(at, "bad");
        Assert.AreEqual(at, e.Diagnostics.Single().Location);
        Assert.AreEqual("c.toml(9,1): error: bad", e.Message);
    }

    [TestMethod]
    public void A_site_words_its_errors_with_its_location_and_key_or_bare()
    {
        Assert.AreEqual("error: gone", new DiagnosticSite().Error("gone").Message);
        Assert.AreEqual("d.toml(4,1): error: [data] labels: gone",
            new DiagnosticSite(new SourceLocation("d.toml", 4, 1), "[data] labels").Error("gone").Message);
    }

    [TestMethod]
    public void Collected_problems_are_kept_once_each_and_thrown_together()
    {
        var problems = new Problems();
        var at = new SourceLocation("e.toml", 2, 3);
        problems.Add(MrfiException.At(at, "twice"));
        problems.Add(MrfiException.Many([new Diagnostic("twice", at), new Diagnostic("once")]));
        CollectionAssert.AreEqual(new[] { "e.toml(2,3): error: twice", "error: once" }, problems.Messages.ToArray());
        var e = Assert.ThrowsExactly<MrfiException>(problems.ThrowIfAny);
        Assert.AreEqual($"e.toml(2,3): error: twice{NL}error: once{NL}2 problems found.", e.Message);
    }
}
