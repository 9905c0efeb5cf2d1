namespace Mrfi.Core.Configuration;

/// <summary>Reads <c>mrfi.toml</c> into a <see cref="MrfiConfig"/>, rejecting unknown keys and wrong types with file, line and
/// key.</summary>
public static class ConfigReader
{
    /// <summary>The [data] keys that name files, whose lines a bad data file is reported at.</summary>
    private static readonly string[] FileKeys = ["images", "labels", "files"];

    /// <summary>Reads and checks a config file; every problem found is reported in one exception.</summary>
    public static MrfiConfig Read(string path)
    {
        var problems = new Problems();
        var config = Read(path, problems);
        problems.ThrowIfAny();
        return config!;
    }

    /// <summary>Reads a config file, recording problems; null when the file or a section the plan needs is unusable.</summary>
    public static MrfiConfig? Read(string path, Problems problems)
    {
        var loaded = problems.Try(() => TomlDocument.Load(path));
        return loaded.Root is null ? null : Read(loaded.Root, loaded.Text, path, problems);
    }

    /// <summary>Checks an already parsed config, throwing all problems at once; relative paths resolve against the folder of
    /// <paramref name="path"/>.</summary>
    public static MrfiConfig Read(ConfigTable root, string text, string path)
    {
        var problems = new Problems();
        var config = Read(root, text, path, problems);
        problems.ThrowIfAny();
        return config!;
    }

    /// <summary>Checks an already parsed config, recording every problem; entries with problems are left out, and null is
    /// returned when [model], [data], [run] or [sweep] is unusable.</summary>
    public static MrfiConfig? Read(ConfigTable root, string text, string path, Problems problems)
    {
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string Resolve(string p) => Path.GetFullPath(Path.Combine(baseDir, p));

        var model = problems.Try(() =>
        {
            var modelTable = root.Table("model") ?? throw root.Missing("[model]", "a table naming the architecture and weights");
            string? weights = modelTable.Has("weights") ? Resolve(modelTable.RequiredString("weights")) : null;
            return ModelOutputReader.Read(modelTable,
                new ModelSection(modelTable, weights, modelTable.LocationOf("weights")) { Seed = modelTable.Integer("seed") });
        });
        var data = problems.Try(() => ReadData(root.Table("data") ?? throw root.Missing("[data]", "a table naming the evaluation data"),
            Resolve));
        var run = problems.Try(() => ReadRun(root.Table("run"), baseDir));
        var sweep = problems.Try(() => SweepReader.Read(root.Table("sweep")));
        var campaign = problems.Try(() => ReadCampaign(root.Table("campaign"))) ?? CampaignSection.Default;
        var faults = new List<FaultEntrySection>();
        var fiTables = problems.Try(() => root.Tables("fault_inject")) ?? [];
        for (int i = 0; i < fiTables.Count; i++)
        {
            int index = i;
            if (problems.Try(() => ReadFault(fiTables[index], index)) is { } entry) faults.Add(entry);
        }
        foreach (var duplicate in faults.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            problems.Add(MrfiException.At(duplicate.Skip(1).First().Location,
                $"two [[fault_inject]] entries are named '{duplicate.Key}'; names must be unique"));
        var observers = new List<ObserveSection>();
        foreach (var t in problems.Try(() => root.Tables("observe")) ?? [])
            if (problems.Try(() => ReadObserve(t, 0)) is { } o) observers.Add(o);
        problems.Try(() => DetailTree.Read(root, faults, observers, problems));
        var plugins = problems.Try(() =>
        {
            if (root.Raw("plugins") is not { } p) return (IReadOnlyList<ConfigValue>)[];
            var items = p.Value as IReadOnlyList<ConfigValue> ?? [p];
            foreach (var item in items)
                if (item.Value is not string) throw ConfigTable.TypeError(item, "a path or glob of plugin assemblies");
            return items;
        }) ?? [];
        // The gate is checked against the sweep; with a broken [sweep] its own problems wait for the next run.
        var gates = sweep.Variables is null ? [] : problems.Try(() => GateReader.Read(root, sweep.Variables, sweep.Repeats)) ?? [];
        problems.Try(root.RejectUnknownKeys);
        // Planning needs only [model] and [sweep]; with a broken [data] or [run] the plan is still built, so that its
        // problems are reported too (the recorded problems keep anything from running).
        if (model is null || sweep.Variables is null) return null;
        data ??= new DataSection("idx", null, null, [], 0, [0.0], [1.0], root.Location);
        run ??= new RunSection(0, "cpu", 100, 0, Path.Combine(baseDir, "results"));
        return new MrfiConfig(path, text, model, data, run, sweep.Variables, sweep.Repeats, faults, observers)
            { Zip = sweep.Zip, Plugins = plugins, Campaign = campaign, Gates = gates };
    }

    private static DataSection ReadData(ConfigTable t, Func<string, string> resolve)
    {
        string format = t.String("format") ?? "idx";
        if (!DataFormats.BuiltIn.Contains(format))
        {
            // Not built in: a plugin's dataset, bound to the other keys when the plan is built (unknown names are reported there).
            long pluginLimit = t.Integer("limit") ?? 0;
            return new DataSection(format, null, null, [], pluginLimit, [0.0], [1.0], t.Location) { Table = t };
        }
        string? images = null, labels = null;
        IReadOnlyList<string> files = [];
        SyntheticDataSpec? synthetic = null;
        FolderDataSpec? folder = null;
        TensorDataSpec? tensors = null;
        if (format == "idx")
        {
            images = resolve(t.RequiredString("images"));
            labels = resolve(t.RequiredString("labels"));
            CheckExists(t, "images", images);
            CheckExists(t, "labels", labels);
        }
        else if (format == "cifar10")
        {
            files = [.. t.Strings("files").Select(resolve)];
            if (files.Count == 0) throw t.Missing("files", "CIFAR-10 batch files, e.g. [\"test_batch.bin\"]");
            foreach (var f in files) CheckExists(t, "files", f);
        }
        else if (format == "synthetic") synthetic = DataSpecReader.Synthetic(t);
        var classes = DataSpecReader.Classes(t);
        if (format == "folder") folder = DataSpecReader.Folder(t, resolve, classes);
        else if (format is "npz" or "safetensors") tensors = DataSpecReader.Tensors(t, resolve);
        long limit = t.Integer("limit") ?? 0;
        if (limit < 0) throw MrfiException.At(t.LocationOf("limit"), "[data] limit must be 0 (all) or a positive number of samples");
        var mean = t.Numbers("mean") ?? [0.0];
        var std = t.Numbers("std") ?? [1.0];
        double scale = t.Number("scale") ?? 1.0;
        if (!(scale > 0) || double.IsInfinity(scale))
            throw MrfiException.At(t.LocationOf("scale"),
                "[data] scale must be a positive number: 1 maps pixels to [0, 1] (torchvision's ToTensor), 255 keeps them in [0, 255]");
        t.RejectUnknownKeys();
        var keys = FileKeys.Where(t.Has).ToDictionary(k => k, t.LocationOf);
        return new DataSection(format, images, labels, files, limit, mean, std, t.Location)
            { Synthetic = synthetic, Folder = folder, Tensors = tensors, Scale = scale, Classes = classes, KeyLocations = keys };
    }

    private static void CheckExists(ConfigTable t, string key, string path)
    {
        if (Directory.Exists(path))
            throw MrfiException.At(t.LocationOf(key), $"{t.Describe(key)}: {path} is a folder; give the file in it");
        if (!File.Exists(path)) throw MrfiException.At(t.LocationOf(key), $"{t.Describe(key)}: file not found: {path}");
    }

    private static RunSection ReadRun(ConfigTable? t, string baseDir)
    {
        if (t is null) return new RunSection(0, "cpu", 100, 0, Path.Combine(baseDir, "results"));
        long seed = t.Integer("seed") ?? 0;
        string device = t.String("device") ?? "cpu";
        if (device is not ("cpu" or "cuda" or "auto") && !System.Text.RegularExpressions.Regex.IsMatch(device, "^cuda:[0-9]+$"))
            throw MrfiException.At(t.LocationOf("device"),
                $"[run] device must be \"cpu\", \"cuda\", \"cuda:N\" or \"auto\", not \"{device}\"");
        long batch = t.Integer("batch_size") ?? 100;
        if (batch is < 1 or > 1_000_000) throw MrfiException.At(t.LocationOf("batch_size"), "[run] batch_size must be a positive integer");
        long threads = t.Integer("threads") ?? 0;
        if (threads is < 0 or > 1024)
            throw MrfiException.At(t.LocationOf("threads"), "[run] threads must be 0 (default) or a positive integer");
        string output = Path.GetFullPath(Path.Combine(baseDir, t.String("output") ?? "results"));
        var records = t.Raw("fault_records");
        bool? faultRecords = records?.Value switch
        {
            null or "auto" => null,
            bool b => b,
            _ => throw MrfiException.At(records.Location, "[run] fault_records must be true, false or \"auto\""),
        };
        long cache = t.Integer("golden_cache_mb") ?? 1024;
        if (cache is < 0 or > 1L << 30)
            throw MrfiException.At(t.LocationOf("golden_cache_mb"),
                "[run] golden_cache_mb must be 0 (no cache) or a positive number of megabytes");
        bool batched = t.Boolean("batched") ?? true;
        bool earlyExit = t.Boolean("early_exit") ?? true;
        long workers = t.Integer("workers") ?? 0;
        if (workers is < 0 or > 256)
            throw MrfiException.At(t.LocationOf("workers"),
                "[run] workers must be 0 (pick automatically) or the number of model replicas running trials side by side (1 to 256)");
        double watchdog = t.Number("watchdog") ?? 0;
        if (watchdog is < 0 or > 1e6 || double.IsNaN(watchdog))
            throw MrfiException.At(t.LocationOf("watchdog"),
                "[run] watchdog must be 0 (automatic) or the seconds one inline C# call may take before the run stops");
        t.RejectUnknownKeys();
        return new RunSection(seed, device, (int)batch, (int)threads, output)
            { FaultRecords = faultRecords, GoldenCacheMb = cache, Batched = batched, Workers = (int)workers, EarlyExit = earlyExit,
                DeviceLocation = t.LocationOf("device"), Watchdog = watchdog };
    }

    private static CampaignSection ReadCampaign(ConfigTable? t)
    {
        if (t is null) return CampaignSection.Default;
        double? margin = t.Number("margin");
        if (margin is double m && !(m > 0 && m < 0.5))
            throw MrfiException.At(t.LocationOf("margin"), "[campaign] margin must lie between 0 and 0.5 (e.g. 0.01)");
        double confidence = t.Number("confidence") ?? 0.95;
        if (!(confidence > 0.5 && confidence < 1))
            throw MrfiException.At(t.LocationOf("confidence"), "[campaign] confidence must lie between 0.5 and 1 (e.g. 0.95)");
        bool sequential = t.Boolean("sequential") ?? false;
        if (sequential && margin is null)
            throw MrfiException.At(t.LocationOf("sequential"), "[campaign] sequential = true needs a margin to stop at");
        t.RejectUnknownKeys();
        return new CampaignSection(margin, confidence, sequential);
    }

    internal static FaultEntrySection ReadFault(ConfigTable t, int index, ModuleFilter? modules = null, string? target = null,
        string? defaultName = null)
    {
        string name = t.String("name") ?? defaultName ?? $"fault_inject[{index}]";
        target ??= t.String("target") ?? throw t.Missing("target", "activation, activation_out or weight");
        var parsed = target switch
        {
            "activation" or "activation_in" => InjectionTarget.Activation,
            "activation_out" => InjectionTarget.ActivationOut,
            "weight" or "weights" => (InjectionTarget?)InjectionTarget.Weight,
            _ => null,
        } ?? throw MrfiException.At(t.LocationOf("target"),
            $"[{t.Path}] target: unknown target '{target}'. " +
            $"{NameSuggester.Hint(target, ["activation", "activation_in", "activation_out", "weight"])}");
        modules ??= ReadModules(t);
        var parameters = t.Strings("parameters");
        if (parsed != InjectionTarget.Weight && parameters.Count > 0)
            throw MrfiException.At(t.LocationOf("parameters"), $"[{t.Path}] parameters only applies to target = \"weight\"");
        if (parameters.Count == 0) parameters = ["weight"];
        // enabled = true/false, or a sweep reference ("$on": 0 disables) so that layers can be switched per point.
        var enabledRaw = t.Raw("enabled");
        bool enabled = enabledRaw?.Value switch { null => true, bool b => b, string => true,
            _ => throw ConfigTable.TypeError(enabledRaw, "true, false or a sweep reference such as \"$on\"") };
        var enabledReference = enabledRaw?.Value is string ? enabledRaw : null;
        var quant = t.Table("quantization");
        var selector = t.Table("selector");
        var error = t.Table("error_model")
            ?? throw t.Missing("error_model", "a table such as { method = \"IntSignBitFlip\", bit_width = 8 }");
        bool perSample = t.Boolean("per_sample") ?? false;
        if (perSample && parsed != InjectionTarget.Weight)
            throw MrfiException.At(t.LocationOf("per_sample"),
                $"[{t.Path}] per_sample applies to target = \"weight\": activation faults are already drawn for every sample of a batch " +
                $"(RandomPositionByNumber with per_instance = true puts exactly n in each)");
        if (perSample && !parameters.SequenceEqual(["weight"]))
            throw MrfiException.At(t.LocationOf("per_sample"),
                $"[{t.Path}] per_sample faults go into the 'weight' parameter only (of Conv2d and Linear); remove parameters or set it " +
                $"to [\"weight\"]");
        t.RejectUnknownKeys();
        return new FaultEntrySection(name, parsed, modules, parameters, enabled, quant, selector, error, t.Location)
            { EnabledReference = enabledReference, PerSample = perSample };
    }

    internal static ObserveSection ReadObserve(ConfigTable t, int index, ModuleFilter? modules = null)
    {
        if (!t.Has("code")) _ = t.RequiredString("method");
        modules ??= ReadModules(t);
        string position = t.String("position") ?? "after";
        var parsed = position switch
        {
            "after" or "out" => ObservePosition.After,
            "pre" or "in" => (ObservePosition?)ObservePosition.Pre,
            _ => null,
        } ?? throw MrfiException.At(t.LocationOf("position"),
            $"[{t.Path}] position must be \"pre\" (module input) or \"after\" (module output), not \"{position}\"");
        return new ObserveSection(t, modules, parsed);
    }

    private static ModuleFilter ReadModules(ConfigTable t)
    {
        var filter = new ModuleFilter(t.Strings("module_name"), t.Strings("module_type"), t.Strings("module_fullname"),
            ReadIndexes(t), t.Strings("exclude"), t.Boolean("module_type_substring") ?? false, t.Location);
        if (filter.IsEmpty)
            throw MrfiException.At(t.Location,
                $"[{t.Path}] names no modules; add module_name, module_type, module_fullname or module_index (e.g. module_type = " +
                $"[\"Conv2d\", \"Linear\"])");
        return filter;
    }

    /// <summary>module_index: integers and "a..b" ranges (inclusive), in the numbering `dotnet mrfi inspect` shows.</summary>
    private static IReadOnlyList<int> ReadIndexes(ConfigTable t)
    {
        if (t.Raw("module_index") is not { } v) return [];
        var items = v.Value as IReadOnlyList<ConfigValue> ?? [v];
        var result = new List<int>();
        foreach (var item in items)
        {
            switch (item.Value)
            {
                case long l when l >= 0 && l < int.MaxValue:
                    result.Add((int)l);
                    break;
                case string s when System.Text.RegularExpressions.Regex.Match(s, @"^\s*(\d+)\s*\.\.\s*(\d+)\s*$") is { Success: true } m
                                   && int.Parse(m.Groups[1].Value,
                                       System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(m.Groups[2].Value,
                                           System.Globalization.CultureInfo.InvariantCulture):
                    int a = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    b = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    result.AddRange(Enumerable.Range(a, b - a + 1));
                    break;
                default:
                    throw MrfiException.At(item.Location,
                        $"{item.Key} must be a module index (0, 1, …) or a range \"a..b\", not {item.TypeName} {item.Value}");
            }
        }
        return result;
    }
}
