using Mrfi.Core.Campaigns;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi validate</c>: load the model and check the whole config without running; all problems at once.</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ConfigOnlySettings>
{
    public override int Execute(CommandContext context, ConfigOnlySettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var (plan, plugins, snippets) = ToolCatalog.LoadWithPlugins(settings.Config, settings.Options);
        using var model = plan.Model;
        // Loading the data checks its files and that its images fit the model, as `run` would.
        using var data = CampaignRunner.LoadData(plan);
        Watched.DryRun(plan, data);
        CampaignRunner.ResolveDevice(plan.Config.Run);
        console.MarkupLineInterpolated($"[green]valid[/] {settings.Config}: model {plan.ModelName}, {
            plan.Points.Count} sweep point(s) × {plan.Repeats} repeat(s) = {plan.TrialCount} trials");
        if (ClassOrder.Describe(plan.Config.Data) is { } classes) console.WriteLine($"  {classes}");
        foreach (var (section, entry) in plan.Config.Faults.Zip(plan.Points[0].Entries))
            console.WriteLine($"  fault entry '{entry.Name}' ({section.Target}{(entry.Enabled ? "" : ", disabled")}): " +
                $"{string.Join(", ", entry.Modules.Select(Display))}");
        foreach (var o in plan.Observers)
            console.WriteLine($"  observer {o.Method} ({o.Position}): {string.Join(", ", o.Modules.Select(Display))}");
        foreach (var p in plugins)
            console.WriteLine($"  plugin {p.Name}: {p.Path} ({p.Components} components, loaded in {p.LoadMilliseconds:F0} ms)");
        foreach (var g in plan.Config.Gates)
            console.WriteLine($"  gate at {(g.Point.Names.Count == 0 ? "every point" : g.Point.Describe())}: " +
                $"{string.Join(", ", g.Thresholds.Select(t =>
                    $"{t.Key} = {t.Limit.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}"))} ({(g.Interval
                    ? $"{(g.Confidence * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} % interval"
                    : "estimate")})");
        foreach (var s in snippets)
            console.WriteLine($"  inline C# {s.Kind} at {s.Location} ({(s.FromCache ? "from the cache" : "compiled")} in " +
                $"{s.Milliseconds:F0} ms)");
        return 0;
    });

    internal static string Display(string module) => module.Length == 0 ? "(model)" : module;
}
