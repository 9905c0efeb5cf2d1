using System.Globalization;
using System.Text;
using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Planning;

/// <summary>Writes a plan's EasyConfig entries as a detail tree: one <c>[layers."name"]</c> table per module with its own
/// entries, ready to edit per layer and run as it is. Running it gives the same trials as the EasyConfig.</summary>
public static class DetailTreeWriter
{
    private static readonly HashSet<string> PathKeys = ["weights", "onnx", "images", "labels", "files", "root", "output"];

    /// <summary>The TOML text; file paths are written relative to <paramref name="outputFolder"/>.</summary>
    public static string Write(CampaignPlan plan, string outputFolder)
    {
        var config = plan.Config;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"# Detail tree of {Path.GetFileName(config.Path)} for model {plan.ModelName}, written by `dotnet mrfi expand`.\n");
        sb.Append("# One [layers.\"name\"] table per module with faults or observers: edit any layer, then `dotnet mrfi run` this file.\n");
        var root = TomlDocument.Parse(config.Text, config.Path);
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(config.Path))!;
        foreach (var section in new[] { "model", "data", "run", "sweep" })
        {
            if (root.Table(section) is not { } table) continue;
            sb.Append(CultureInfo.InvariantCulture, $"\n[{section}]\n");
            foreach (var key in table.Keys)
            {
                var value = table.Raw(key)!.Value;
                if (PathKeys.Contains(key)) value = Relative(value, baseDir, outputFolder);
                sb.Append(CultureInfo.InvariantCulture, $"{TomlText.Key(key)} = {TomlText.Value(value)}\n");
            }
        }

        var entries = plan.Points[0].Entries;
        var observers = plan.Observers;
        foreach (var (name, module) in ModuleMatcher.All(plan.Model))
        {
            var here = config.Faults.Zip(entries).Where(p => p.Second.Modules.Contains(name)).ToList();
            var watching = config.Observers.Zip(observers).Where(p => p.Second.Modules.Contains(name)).ToList();
            if (here.Count == 0 && watching.Count == 0) continue;
            string layer = $"layers.{TomlText.Key(name)}";
            sb.Append(CultureInfo.InvariantCulture, $"\n[{layer}]\ntype = {TomlText.Value(ModuleMatcher.TypeName(plan.Model, module))}\n");
            foreach (var (section, entry) in here)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n[[{layer}.{Target(entry.Target)}]]\n");
                sb.Append(CultureInfo.InvariantCulture, $"name = {TomlText.Value(section.Name)}\n");
                if (entry.Target == InjectionTarget.Weight)
                    sb.Append(CultureInfo.InvariantCulture, $"parameters = {TomlText.Value(section.Parameters)}\n");
                if (section.PerSample) sb.Append("per_sample = true\n");
                sb.Append(CultureInfo.InvariantCulture,
                    $"enabled = {(section.EnabledReference is { } r ? TomlText.Value(r.Value) : TomlText.Value(section.Enabled))}\n");
                if (section.Quantization is { } q) sb.Append(CultureInfo.InvariantCulture, $"quantization = {TomlText.Value(q)}\n");
                if (section.Selector is { } s) sb.Append(CultureInfo.InvariantCulture, $"selector = {TomlText.Value(s)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"error_model = {TomlText.Value(section.ErrorModel)}\n");
            }
            foreach (var (section, observer) in watching)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n[[{layer}.observe]]\n");
                foreach (var key in section.Table.Keys.Where(k => !k.StartsWith("module_", StringComparison.Ordinal) && k != "exclude"))
                    sb.Append(CultureInfo.InvariantCulture, $"{TomlText.Key(key)} = {TomlText.Value(section.Table.Raw(key)!.Value)}\n");
            }
        }
        return sb.ToString();
    }

    private static string Target(InjectionTarget target) => target switch
    {
        InjectionTarget.Activation => "activation",
        InjectionTarget.ActivationOut => "activation_out",
        _ => "weight",
    };

    private static object Relative(object value, string baseDir, string outputFolder) => value switch
    {
        string p => Path.GetRelativePath(outputFolder, Path.GetFullPath(Path.Combine(baseDir, p))),
        IReadOnlyList<ConfigValue> list => list.Select(v => Relative(v.Value, baseDir, outputFolder)).ToList(),
        _ => value,
    };
}
