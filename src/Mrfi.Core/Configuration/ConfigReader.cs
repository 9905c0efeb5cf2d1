using Mrfi.Core.Catalog;
using Mrfi.Core.Data;
using Mrfi.Core.Injection;

namespace Mrfi.Core.Configuration;

/// <summary>Reads <c>mrfi.toml</c> into a <see cref="MrfiConfig"/>, rejecting unknown keys and wrong types with file, line and key.</summary>
public static class ConfigReader
{
    private static readonly string[] ReservedColumns = ["trial", "point", "repeat", "seed", "accuracy", "golden_accuracy", "float_accuracy", "correct", "total", "changed", "faults", "elapsed_s", "finished_at"];

    /// <summary>Reads and checks a config file.</summary>
    public static MrfiConfig Read(string path)
    {
        var (root, text) = TomlDocument.Load(path);
        return Read(root, text, path);
    }

    /// <summary>Checks an already parsed config; relative paths resolve against the folder of <paramref name="path"/>.</summary>
    public static MrfiConfig Read(ConfigTable root, string text, string path)
    {
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string Resolve(string p) => Path.GetFullPath(Path.Combine(baseDir, p));

        var modelTable = root.Table("model") ?? throw root.Missing("[model]", "a table naming the architecture and weights");
        string? weights = modelTable.Has("weights") ? Resolve(modelTable.RequiredString("weights")) : null;
        var model = new ModelSection(modelTable, weights, modelTable.LocationOf("weights"));

        var data = ReadData(root.Table("data") ?? throw root.Missing("[data]", "a table naming the evaluation data"), Resolve);
        var run = ReadRun(root.Table("run"), Resolve(".") );
        var (sweep, repeats) = ReadSweep(root.Table("sweep"));
        var faults = root.Tables("fault_inject").Select((t, i) => ReadFault(t, i)).ToList();
        var duplicate = faults.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw MrfiException.At(duplicate.Skip(1).First().Location, $"two [[fault_inject]] entries are named '{duplicate.Key}'; names must be unique");
        var observers = root.Tables("observe").Select(ReadObserve).ToList();
        root.RejectUnknownKeys();
        return new MrfiConfig(path, text, model, data, run, sweep, repeats, faults, observers);
    }

    private static DataSection ReadData(ConfigTable t, Func<string, string> resolve)
    {
        string format = t.String("format") ?? "idx";
        if (!DatasetLoader.Formats.Contains(format))
            throw MrfiException.At(t.LocationOf("format"), $"[data] format: unknown format '{format}'. {NameSuggester.Hint(format, DatasetLoader.Formats)}");
        string? images = null, labels = null;
        IReadOnlyList<string> files = [];
        if (format == "idx")
        {
            images = resolve(t.RequiredString("images"));
            labels = resolve(t.RequiredString("labels"));
            CheckExists(t, "images", images);
            CheckExists(t, "labels", labels);
        }
        else
        {
            files = [.. t.Strings("files").Select(resolve)];
            if (files.Count == 0) throw t.Missing("files", "CIFAR-10 batch files, e.g. [\"test_batch.bin\"]");
            foreach (var f in files) CheckExists(t, "files", f);
        }
        long limit = t.Integer("limit") ?? 0;
        if (limit < 0) throw MrfiException.At(t.LocationOf("limit"), "[data] limit must be 0 (all) or a positive number of samples");
        var mean = t.Numbers("mean") ?? [0.0];
        var std = t.Numbers("std") ?? [1.0];
        t.RejectUnknownKeys();
        return new DataSection(format, images, labels, files, limit, mean, std, t.Location);
    }

    private static void CheckExists(ConfigTable t, string key, string path)
    {
        if (!File.Exists(path)) throw MrfiException.At(t.LocationOf(key), $"{t.Describe(key)}: file not found: {path}");
    }

    private static RunSection ReadRun(ConfigTable? t, string baseDir)
    {
        if (t is null) return new RunSection(0, "cpu", 100, 0, Path.Combine(baseDir, "results"));
        long seed = t.Integer("seed") ?? 0;
        string device = t.String("device") ?? "cpu";
        if (device != "cpu" && device != "cuda" && !device.StartsWith("cuda:", StringComparison.Ordinal))
            throw MrfiException.At(t.LocationOf("device"), $"[run] device must be \"cpu\", \"cuda\" or \"cuda:N\", not \"{device}\"");
        long batch = t.Integer("batch_size") ?? 100;
        if (batch is < 1 or > 1_000_000) throw MrfiException.At(t.LocationOf("batch_size"), "[run] batch_size must be a positive integer");
        long threads = t.Integer("threads") ?? 0;
        if (threads is < 0 or > 1024) throw MrfiException.At(t.LocationOf("threads"), "[run] threads must be 0 (default) or a positive integer");
        string output = Path.GetFullPath(Path.Combine(baseDir, t.String("output") ?? "results"));
        t.RejectUnknownKeys();
        return new RunSection(seed, device, (int)batch, (int)threads, output);
    }

    private static (IReadOnlyList<SweepVariable>, int) ReadSweep(ConfigTable? t)
    {
        if (t is null) return ([], 1);
        long repeats = t.Integer("repeats") ?? 1;
        if (repeats is < 1 or > 1_000_000) throw MrfiException.At(t.LocationOf("repeats"), "[sweep] repeats must be a positive integer");
        var vars = new List<SweepVariable>();
        foreach (var key in t.Keys.Where(k => k != "repeats").ToList())
        {
            if (ReservedColumns.Contains(key))
                throw MrfiException.At(t.LocationOf(key), $"[sweep] variable '{key}' would clash with a column of trials.parquet; choose another name");
            if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[A-Za-z_][A-Za-z0-9_]*$"))
                throw MrfiException.At(t.LocationOf(key), $"[sweep] variable '{key}' must be a plain identifier (letters, digits, _)");
            var values = t.Numbers(key)!;
            if (values.Count == 0) throw MrfiException.At(t.LocationOf(key), $"[sweep] {key} has no values");
            vars.Add(new SweepVariable(key, values));
        }
        t.RejectUnknownKeys();
        return (vars, (int)repeats);
    }

    private static FaultEntrySection ReadFault(ConfigTable t, int index)
    {
        string name = t.String("name") ?? $"fault_inject[{index}]";
        string target = t.String("target") ?? throw t.Missing("target", "activation, activation_out or weight");
        var parsed = target switch
        {
            "activation" or "activation_in" => InjectionTarget.Activation,
            "activation_out" => InjectionTarget.ActivationOut,
            "weight" or "weights" => (InjectionTarget?)InjectionTarget.Weight,
            _ => null,
        } ?? throw MrfiException.At(t.LocationOf("target"), $"[{t.Path}] target: unknown target '{target}'. {NameSuggester.Hint(target, ["activation", "activation_in", "activation_out", "weight"])}");
        var modules = ReadModules(t);
        var parameters = t.Strings("parameters");
        if (parsed != InjectionTarget.Weight && parameters.Count > 0)
            throw MrfiException.At(t.LocationOf("parameters"), $"[{t.Path}] parameters only applies to target = \"weight\"");
        if (parameters.Count == 0) parameters = ["weight"];
        bool enabled = t.Boolean("enabled") ?? true;
        var quant = t.Table("quantization");
        var selector = t.Table("selector");
        var error = t.Table("error_model") ?? throw t.Missing("error_model", "a table such as { method = \"IntSignBitFlip\", bit_width = 8 }");
        t.RejectUnknownKeys();
        return new FaultEntrySection(name, parsed, modules, parameters, enabled, quant, selector, error, t.Location);
    }

    private static ObserveSection ReadObserve(ConfigTable t, int index)
    {
        _ = t.RequiredString("method");
        var modules = ReadModules(t);
        string position = t.String("position") ?? "after";
        var parsed = position switch
        {
            "after" or "out" => ObservePosition.After,
            "pre" or "in" => (ObservePosition?)ObservePosition.Pre,
            _ => null,
        } ?? throw MrfiException.At(t.LocationOf("position"), $"[{t.Path}] position must be \"pre\" (module input) or \"after\" (module output), not \"{position}\"");
        return new ObserveSection(t, modules, parsed);
    }

    private static ModuleFilter ReadModules(ConfigTable t)
    {
        var filter = new ModuleFilter(t.Strings("module_name"), t.Strings("module_type"), t.Strings("module_fullname"), t.Location);
        if (filter.IsEmpty)
            throw MrfiException.At(t.Location, $"[{t.Path}] names no modules; add module_name, module_type or module_fullname (e.g. module_type = [\"Conv2d\", \"Linear\"])");
        return filter;
    }
}
