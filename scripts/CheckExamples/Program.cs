using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Mrfi.CheckExamples;

// Usage: CheckExamples --tool PATH [--quick] [--root DIR] [FOLDER…]
//        CheckExamples --query SQL        prints the rows of a query (to find the number a README should quote)
// Runs every mrfi-expect block of examples/**/README.md (with --quick only those marked quick; with FOLDERs only the
// READMEs under them) and compares each quoted number with the run. Exit code 0: all agree; 1: a number differs or a
// command failed; 2: bad usage or a malformed block.
string? tool = null, root = Directory.GetCurrentDirectory();
bool quick = false;
var only = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick": quick = true; break;
        case "--query" when i + 1 < args.Length: return Print(args[++i]);
        case "--tool" when i + 1 < args.Length: tool = Path.GetFullPath(args[++i]); break;
        case "--root" when i + 1 < args.Length: root = Path.GetFullPath(args[++i]); break;
        case var a when a.StartsWith('-'): Console.Error.WriteLine($"check-examples: unknown option '{a}' (--tool PATH, --quick, --root DIR)"); return 2;
        default: only.Add(Path.GetFullPath(args[i])); break;
    }
}
if (tool is null || !File.Exists(tool)) { Console.Error.WriteLine($"check-examples: --tool must name the built dotnet-mrfi ({tool ?? "not given"})"); return 2; }
Directory.SetCurrentDirectory(root);   // commands and the SQL's relative paths are read from the repository root

var blocks = new List<ExpectBlock>();
try
{
    foreach (var readme in Directory.EnumerateFiles(Path.Combine(root, "examples"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        if (only.Count > 0 && !only.Any(o => readme.StartsWith(o, StringComparison.Ordinal))) continue;
        blocks.AddRange(ExpectBlock.Parse(Path.GetRelativePath(root, readme), File.ReadAllText(readme)));
    }
}
catch (FormatException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }

int failed = 0, passed = 0;
var selected = blocks.Where(b => !quick || b.Quick).ToList();
Console.WriteLine($"check-examples: {selected.Count} block(s) of {blocks.Count}{(quick ? " (--quick)" : "")}");
string? output = null, error = null;
foreach (var block in selected)
{
    if (block.Commands.Count > 0)
    {
        if (output is not null) Directory.Delete(output, recursive: true);
        output = Directory.CreateTempSubdirectory("mrfi-example-").FullName;
        error = null;
        var clock = Stopwatch.StartNew();
        double cpu = ChildCpuSeconds();
        foreach (var command in block.Commands)
        {
            var (code, log) = Run(command, output);
            if (code != 0) { error = $"'{command}' exited with {code}:\n{log}"; break; }
        }
        Console.WriteLine($"{block.Readme}({block.Line}): ran in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s "
            + $"({(ChildCpuSeconds() - cpu).ToString("F1", CultureInfo.InvariantCulture)} s of CPU time, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    }
    else Console.WriteLine($"{block.Readme}({block.Line}): the results of the block before");
    if (error is not null)
    {
        Console.WriteLine($"  FAIL {error}");
        failed += block.Expectations.Count;
        continue;
    }
    foreach (var e in block.Expectations)
    {
        string sql = e.Sql.Replace("$OUT", output, StringComparison.Ordinal);
        double actual;
        try { actual = Query(sql); }
        catch (Exception x) when (x is DuckDBException or InvalidCastException or InvalidOperationException or FormatException)
        {
            Console.WriteLine($"  FAIL {e.Where}: {x.Message}\n       {sql}");
            failed++;
            continue;
        }
        bool ok = e.Holds(actual);
        Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {e.Where}: README {e.Value.ToString(CultureInfo.InvariantCulture)} ± {e.Tolerance.ToString("G3", CultureInfo.InvariantCulture)}, run {actual.ToString("G6", CultureInfo.InvariantCulture)}");
        if (ok) passed++; else failed++;
    }
}
if (output is not null) Directory.Delete(output, recursive: true);
Console.WriteLine($"check-examples: {passed} number(s) agree, {failed} differ or could not be computed");
return failed == 0 ? 0 : 1;

(int Code, string Log) Run(string command, string output)
{
    // `mrfi` in a block is the tool just built; $OUT is this block's empty results folder.
    var start = new ProcessStartInfo("bash", ["-c", "set -eo pipefail; mrfi() { \"$MRFI_TOOL\" \"$@\"; }; " + command])
    {
        WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
    };
    start.Environment["MRFI_TOOL"] = tool;
    start.Environment["OUT"] = output;
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    string log = stdout.Result + stderr.Result;
    return (process.ExitCode, string.Join('\n', log.Split('\n').TakeLast(30)));
}

static int Print(string sql)
{
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    try
    {
        using var reader = command.ExecuteReader();
        Console.WriteLine(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
        while (reader.Read())
            Console.WriteLine(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return 0;
    }
    catch (DuckDBException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }
}

// User and system time of the finished child processes (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s):
// unlike the wall time it does not grow when other jobs share the cores.
static double ChildCpuSeconds()
{
    string stat = File.ReadAllText("/proc/self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // fields from 3 on; the command name may hold spaces
    return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
}

static double Query(string sql)
{
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    object? value = command.ExecuteScalar();
    return value is null or DBNull ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
