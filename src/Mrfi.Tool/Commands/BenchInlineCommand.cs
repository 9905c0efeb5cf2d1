using System.Diagnostics;
using System.Globalization;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.ErrorModels;
using Mrfi.Scripting;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi bench-inline</c>: what inline C# costs — cold, warm and cached compiles, and the per-call overhead of
/// a compiled snippet against the same built-in error model, measured in one process.</summary>
internal sealed class BenchInlineCommand(IAnsiConsole console) : Command<BenchInlineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-n|--calls <N>")]
        [System.ComponentModel.Description("Calls per error model for the per-call comparison.")]
        public int Calls { get; init; } = 20_000;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string cache = Path.Combine(Path.GetTempPath(), $"mrfi-bench-inline-{Environment.ProcessId}");
        try
        {
            var cold = Time(() => Build(new InlineComponents(useCache: false), "values => torch.zeros_like(values)"));
            var warm = Time(() => Build(new InlineComponents(useCache: false), "values => torch.zeros_like(values).add(0)"));
            _ = Build(new InlineComponents(cacheFolder: cache), "values => torch.zeros_like(values).mul(1)");
            var cached = Time(() => Build(new InlineComponents(cacheFolder: cache), "values => torch.zeros_like(values).mul(1)"));

            var inline = Build(new InlineComponents(useCache: false), "values => torch.zeros_like(values)");
            var builtIn = new SetZeroErrorModel();
            using var values = torch.rand(100);
            using var generator = new torch.Generator(1);
            double inlineNs = PerCall(inline, values, generator, settings.Calls);
            double builtInNs = PerCall(builtIn, values, generator, settings.Calls);
            inlineNs = Math.Min(inlineNs, PerCall(inline, values, generator, settings.Calls));
            builtInNs = Math.Min(builtInNs, PerCall(builtIn, values, generator, settings.Calls));

            var table = new Table().Border(TableBorder.Simple).AddColumns("measure", "value");
            table.AddRow(Cells.Of("first snippet compile (cold Roslyn)", $"{cold.ToString("F0", CultureInfo.InvariantCulture)} ms"));
            table.AddRow(Cells.Of("next snippet compile (warm)", $"{warm.ToString("F0", CultureInfo.InvariantCulture)} ms"));
            table.AddRow(Cells.Of("snippet from the disk cache", $"{cached.ToString("F1", CultureInfo.InvariantCulture)} ms"));
            table.AddRow(Cells.Of("SetZero, built-in, per call", $"{builtInNs.ToString("F0", CultureInfo.InvariantCulture)} ns"));
            table.AddRow(Cells.Of("SetZero, inline C#, per call",
                $"{inlineNs.ToString("F0", CultureInfo.InvariantCulture)} ns " +
                $"({(inlineNs / builtInNs).ToString("F2", CultureInfo.InvariantCulture)}×)"));
            console.Write(table);
            return 0;
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private static IErrorModel Build(InlineComponents inline, string code) =>
        (IErrorModel)inline.Create(ComponentKind.ErrorModel, TomlDocument.Parse($"code = \"{code}\"", "bench.toml"));

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double PerCall(IErrorModel model, torch.Tensor values, torch.Generator generator, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            using var result = model.Apply(values, generator);
        }
        return clock.Elapsed.TotalMilliseconds * 1e6 / calls;
    }
}
