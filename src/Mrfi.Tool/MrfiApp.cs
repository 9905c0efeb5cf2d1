using System.Reflection;
using Mrfi.Tool.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool;

/// <summary>Builds the command tree; tests call it in-process with their own console.</summary>
internal static class MrfiApp
{
    public static string Version =>
        typeof(MrfiApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Spectre answers <c>--version</c> itself with one line; mrfi's version command also names TorchSharp, libtorch
    /// and the devices, so a lone <c>--version</c> is turned into that command.</summary>
    public static string[] Normalize(string[] args) => args is ["--version"] ? ["version"] : args;

    /// <summary>Runs a command line: a usage mistake (unknown command or option, a value that does not parse, a folder
    /// option naming a file) is one line and exit code 2 before Spectre sees it; the rest goes to <paramref name="run"/>.</summary>
    public static int Run(IAnsiConsole console, string[] args, Func<string[], int> run)
    {
        args = Normalize(args);
        if (CommandLine.UsageCheck.Problem(args) is not { } problem) return run(args);
        console.MarkupLineInterpolated($"[red]{new Core.Diagnostic(problem)}[/]");
        return Commands.RunCommand.UserError;
    }

    public static CommandApp Create(IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(c => Configure(c, console));
        return app;
    }

    public static void Configure(IConfigurator c, IAnsiConsole? console)
    {
        c.SetApplicationName("dotnet mrfi");
        if (console is not null) c.ConfigureConsole(console);
        c.UseStrictParsing();
        c.SetExceptionHandler(CommandLine.SpectreErrors.Handle);
        c.AddCommand<VersionCommand>("version")
            .WithDescription("Print the mrfi, TorchSharp and libtorch versions and the devices a campaign can use (also: --version).");
        c.AddCommand<RunCommand>("run")
            .WithDescription("Run the fault-injection campaign described by a TOML config and write Parquet results.")
            .WithExample("run")
            .WithExample("run", "examples/weight-ber-sweep/mrfi.toml", "--out", "results/ber", "--seed", "7");
        c.AddCommand<MergeCommand>("merge")
            .WithDescription("Join the part files of every shard in a results folder, checking for missing and duplicate trials.")
            .WithExample("merge", "results/sharded");
        c.AddCommand<SubmitCommand>("submit")
            .WithDescription("Run a campaign as shards on a cluster: a Slurm job array plus a merge-and-report job, or Kubernetes Jobs.")
            .WithExample("submit", "mrfi.toml", "--slurm", "--shards", "8", "--out", "/shared/campaign", "--time", "02:00:00")
            .WithExample("submit", "--slurm", "--resume", "/shared/campaign")
            .WithExample("submit", "mrfi.toml", "--k8s", "--shards", "8", "--out", "/data/campaign", "--image", "registry/mrfi:0.1.0");
        c.AddCommand<ReportCommand>("report")
            .WithDescription("Write report.html, PNG figures chosen from what the campaign swept, and a plain-text summary of a results " +
                "folder.")
            .WithExample("report", "results/run-20261129-063000")
            .WithExample("report", "results/sharded", "--out", "report", "--no-html");
        c.AddCommand<ValidateCommand>("validate")
            .WithDescription("Load the model and check the whole config without running; report every problem at once.")
            .WithExample("validate", "mrfi.toml");
        c.AddCommand<PlanCommand>("plan")
            .WithDescription("Show matched layers, tensor shapes, fault populations, expected faults per trial and an estimated run time.")
            .WithExample("plan", "mrfi.toml");
        c.AddCommand<InspectCommand>("inspect")
            .WithDescription("Print the model's modules with index, type, parameter and activation shapes.")
            .WithExample("inspect", "mrfi.toml")
            .WithExample("inspect", "--model", "LeNet");
        c.AddCommand<ExpandCommand>("expand")
            .WithDescription("Write the config as a per-layer detail tree (TOML) that runs as it is.")
            .WithExample("expand", "mrfi.toml", "--out", "detail.toml");
        c.AddCommand<InitCommand>("init")
            .WithDescription("Write a commented starter mrfi.toml and the bundled model and data into a folder.")
            .WithExample("init", "my-campaign");
        c.AddCommand<ImportYamlCommand>("import-yaml")
            .WithDescription("Convert a Python MRFI EasyConfig (YAML file or preset name) to mrfi TOML.")
            .WithExample("import-yaml", "default_fi", "--out", "mrfi.toml");
        c.AddCommand<ScriptCommand>("script")
            .WithDescription("Run a C# experiment script (.csx) with the engine: load a config, change entries between runs, save Parquet.")
            .WithExample("script", "examples/scripts/layer-sensitivity.csx");
        c.AddCommand<ListCommand>("list")
            .WithDescription("List every component with its parameters, defaults and a one-line description.")
            .WithExample("list", "selector")
            .WithExample("list", "--markdown", "--into", "docs/components.md");
        c.AddCommand<BenchCommand>("bench")
            .WithDescription("Injection and observer cost against the golden forward (lenet, vgg11, vgg16, resnet18, or an ONNX file " +
                "beside the built-in model of the same weights), campaign throughput and peak memory, with ratios from one run.")
            .WithExample("bench", "--model", "resnet18", "--batch", "16", "--json", "bench.json")
            .WithExample("bench", "--onnx", "examples/onnx-model/lenet_fmnist.onnx");
        c.AddCommand<BenchSelectorsCommand>("bench-selectors")
            .WithDescription("Time RandomPositionByRate against the per-element reference on a large tensor, with ratios.")
            .WithExample("bench-selectors", "--size", "10000000");
        c.AddCommand<BenchInlineCommand>("bench-inline")
            .WithDescription("Time inline C#: cold, warm and cached compiles, and per-call cost against a built-in component.");
    }
}
