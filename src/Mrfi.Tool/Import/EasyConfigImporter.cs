using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mrfi.Tool.Import;

/// <summary>Converts a Python MRFI EasyConfig (YAML) to mrfi's TOML: faultinject → [[fault_inject]], error_mode → error_model,
/// type → target, name → parameters, module_type keeps MRFI's substring matching. YAML 1.1 reads `1e-3` as text; numbers
/// written that way become numbers here. Components with an MRFI-compatible mode get <c>mrfi_compat = true</c>, so that the
/// imported config gives MRFI's numbers.</summary>
internal static partial class EasyConfigImporter
{
    private static readonly ComponentCatalog BuiltIn = ComponentCatalog.BuiltIn;

    private static readonly Dictionary<string, string> Targets = new()
    {
        ["activation"] = "activation", ["activation_in"] = "activation", ["activation_out"] = "activation_out", ["weight"] = "weight",
        ["weights"] = "weight",
    };

    public static string Convert(string yaml, string source, string assetsFolder)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw MrfiException.At(At(source, e.Start), $"invalid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw MrfiException.At(new SourceLocation(source, 0, 0), "expected a mapping with faultinject and observe lists");

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Converted from the MRFI EasyConfig {source} by `dotnet mrfi import-yaml`.\n");
        // What MRFI's YAML does not hold is chosen here, and said, so that nobody mistakes it for part of the MRFI config.
        sb.Append("# MRFI's YAML holds no model, data, batch size or seed; chosen here:\n");
        sb.Append("#   [model], [data]: mrfi's bundled LeNet and the first 1000 Fashion-MNIST test images: point them at your own.\n");
        sb.Append("#   batch_size = 100: set your DataLoader's batch size. MRFI draws faults per forward over the whole batch and its\n");
        sb.Append("#     RMSE/MAE/EqualRate/MeanAbs/Std average per-batch values, so both depend on it.\n");
        sb.Append("#   seed = 0: MRFI has no seed; any seed gives other draws than a Python run.\n");
        sb.Append("# Every component with an MRFI-compatible mode gets mrfi_compat = true (per-batch means without weights; the\n");
        sb.Append("# Masked/SelectedDim ...ByRate coverage of MRFI). Not reproducible by a switch: MRFI's simple observers (MinMax,\n");
        sb.Append("# MeanAbs, ...) also count golden batches when run with use_golden; mrfi's count faulty batches only.\n\n");
        string Asset(string name) => TomlText.Value(Path.Combine(assetsFolder, name));
        sb.Append(CultureInfo.InvariantCulture, $"[model]\narchitecture = \"LeNet\"\nweights = {Asset("lenet_fmnist.safetensors")}\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"[data]\nimages = {Asset("fmnist_test1000-images-idx3-ubyte")}\nlabels = {Asset("fmnist_test1000-labels-idx1-ubyte")}\n\n");
        sb.Append("[run]\nseed = 0\nbatch_size = 100\n");

        foreach (var (key, value) in root.Children)
        {
            string name = ((YamlScalarNode)key).Value ?? "";
            if (name is "faultinject" or "observe") continue;
            sb.Append(CultureInfo.InvariantCulture,
                $"# MRFI ignores the top-level key '{name}'; so does this conversion (a typo of 'observe'?)\n");
        }
        if (root.Children.TryGetValue(new YamlScalarNode("faultinject"), out var fi))
        {
            int i = 0;
            foreach (var item in Items(fi, "faultinject", source)) sb.Append(FaultEntry(item, i++, source));
        }
        if (root.Children.TryGetValue(new YamlScalarNode("observe"), out var ob))
            foreach (var item in Items(ob, "observe", source)) sb.Append(Observer(item, source));
        return sb.ToString();
    }

    /// <summary>A YAML position (1-based) as a config location.</summary>
    private static SourceLocation At(string source, Mark mark) => new(source, (int)mark.Line, (int)mark.Column);

    private static IEnumerable<YamlMappingNode> Items(YamlNode node, string key, string source) =>
        node is YamlSequenceNode seq
            ? seq.Children.Select(c => c as YamlMappingNode
                ?? throw MrfiException.At(At(source, c.Start), $"each {key} item must be a mapping"))
            : throw MrfiException.At(At(source, node.Start), $"{key} must be a list");

    private static string FaultEntry(YamlMappingNode item, int index, string source)
    {
        var sb = new StringBuilder($"\n[[fault_inject]]\nname = \"fault_inject[{index}]\"\n");
        var map = item.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => kv.Value);
        string type = Scalar(map, "type") ?? throw MrfiException.At(At(source, item.Start), $"faultinject item without 'type'");
        if (!Targets.TryGetValue(type, out var target))
            throw MrfiException.At(At(source, item.Start),
                $"unknown type '{type}' (activation, activation_in, activation_out, weight or weights)");
        sb.Append(CultureInfo.InvariantCulture, $"target = \"{target}\"\n");
        if (map.TryGetValue("name", out var names))
            sb.Append(CultureInfo.InvariantCulture, $"parameters = {TomlText.Value(Value(names))}\n");
        if (map.TryGetValue("enabled", out var enabled))
            sb.Append(CultureInfo.InvariantCulture, $"enabled = {TomlText.Value(Value(enabled))}\n");
        if (map.ContainsKey("activationid")) sb.Append("# activationid is accepted and ignored by MRFI; dropped\n");
        AppendModules(sb, map);
        var quantization = map.TryGetValue("quantization", out var q) ? Stage(q) : null;
        var error = map.TryGetValue("error_mode", out var e) ? Stage(e)
            : throw MrfiException.At(At(source, item.Start), $"faultinject item without error_mode");
        FixFixPointWidth(sb, quantization, error);
        if (quantization is not null) sb.Append(CultureInfo.InvariantCulture, $"quantization = {TomlText.Inline(quantization)}\n");
        if (map.TryGetValue("selector", out var s))
            sb.Append(CultureInfo.InvariantCulture, $"selector = {TomlText.Inline(Compat(Stage(s), ComponentKind.Selector))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"error_model = {TomlText.Inline(error)}\n");
        return sb.ToString();
    }

    private static string Observer(YamlMappingNode item, string source)
    {
        var sb = new StringBuilder("\n[[observe]]\n");
        var map = item.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => kv.Value);
        string method = Scalar(map, "method") ?? throw MrfiException.At(At(source, item.Start), $"observe item without method");
        sb.Append(CultureInfo.InvariantCulture, $"method = {TomlText.Value(method)}\n");
        if (HasMrfiCompat(ComponentKind.Observer, method))
            sb.Append("mrfi_compat = true   # MRFI's result: the unweighted mean of per-batch values\n");
        if (Scalar(map, "position") is { } position) sb.Append(CultureInfo.InvariantCulture, $"position = {TomlText.Value(position)}\n");
        if (map.ContainsKey("index")) sb.Append("# index (an element of a tuple input) does not apply: mrfi modules take one tensor\n");
        AppendModules(sb, map);
        return sb.ToString();
    }

    private static void AppendModules(StringBuilder sb, Dictionary<string, YamlNode> map)
    {
        foreach (var key in new[] { "module_name", "module_type", "module_fullname" })
            if (map.TryGetValue(key, out var v)) sb.Append(CultureInfo.InvariantCulture, $"{key} = {TomlText.Value(Value(v))}\n");
        if (map.ContainsKey("module_type")) sb.Append("module_type_substring = true   # MRFI matches types by substring\n");
    }

    /// <summary>MRFI's fxp_weight_fi preset pairs FixPoint(3, 13) — 17 bits with the sign — with a 16-bit error model, which mrfi
    /// rejects.</summary>
    private static void FixFixPointWidth(StringBuilder sb, List<(string Key, object? Value)>? quantization,
        List<(string Key, object? Value)> error)
    {
        if (quantization?.FirstOrDefault(p => p.Key == "method").Value is not "FixPointQuantization") return;
        long ib = quantization.FirstOrDefault(p => p.Key == "integer_bit").Value as long? ?? -1;
        long db = quantization.FirstOrDefault(p => p.Key == "decimal_bit").Value as long? ?? -1;
        int at = error.FindIndex(p => p.Key == "bit_width");
        if (ib < 0 || db < 0 || at < 0 || error[at].Value is not long width || width == ib + db + 1) return;
        sb.Append(CultureInfo.InvariantCulture,
            $"# MRFI pairs FixPoint({ib}, {db}) — {ib + db + 1} bits with the sign — with bit_width {width}; corrected to " +
            $"{ib + db + 1}\n");
        error[at] = ("bit_width", ib + db + 1);
    }

    /// <summary>The stage with <c>mrfi_compat = true</c> added when its component has that mode (and the YAML does not set it).</summary>
    private static List<(string Key, object? Value)> Compat(List<(string Key, object? Value)> stage, ComponentKind kind) =>
        stage.FirstOrDefault(p => p.Key == "method").Value is string method && HasMrfiCompat(kind, method)
            && !stage.Any(p => p.Key == "mrfi_compat")
            ? [.. stage, ("mrfi_compat", true)] : stage;

    /// <summary>Whether the built-in component <paramref name="name"/> has an <c>mrfi_compat</c> switch (a constructor
    /// parameter).</summary>
    private static bool HasMrfiCompat(ComponentKind kind, string name) =>
        BuiltIn.TryFind(kind, name, out var type)
        && type.GetConstructors().Any(c => c.GetParameters().Any(p => p.Name == "mrfiCompat"));

    private static List<(string Key, object? Value)> Stage(YamlNode node) =>
        node is YamlMappingNode m ? [.. m.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", Value(kv.Value)))] : [];

    private static string? Scalar(Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    private static object? Value(YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(Value).ToList(),
        YamlMappingNode map => map.Children.Select(kv =>
            new KeyValuePair<string, object?>(((YamlScalarNode)kv.Key).Value ?? "", Value(kv.Value))).ToList(),
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } quoted =>
            Number(quoted.Value) ?? (object?)quoted.Value,
        YamlScalarNode s => s.Value switch
        {
            "True" or "true" or "TRUE" or "yes" or "Yes" or "on" => true,
            "False" or "false" or "FALSE" or "no" or "No" or "off" => false,
            var text => Number(text) ?? (object?)text,
        },
        _ => null,
    };

    /// <summary>Numbers, including YAML 1.1's text-typed "1e-3" that MRFI converts with float().</summary>
    private static object? Number(string? text)
    {
        if (text is null) return null;
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        return null;
    }

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex FloatPattern();
}
