namespace Mrfi.Core.Configuration;

/// <summary>Reads the keys of the built-in generated, decoded and tensor-file data formats, [data] format = "synthetic",
/// "folder", "npz" and "safetensors".</summary>
internal static class DataSpecReader
{
    /// <summary>shape = [C, H, W] (required), count (100), num_classes (10), seed ([run] seed).</summary>
    public static SyntheticDataSpec Synthetic(ConfigTable t)
    {
        var shape = t.Numbers("shape") ?? throw t.Missing("shape", "the shape of one image, [C, H, W], e.g. [3, 32, 32]");
        if (shape.Count != 3 || shape.Any(d => d < 1 || d > 4096 || d != Math.Floor(d)))
            throw MrfiException.At(t.LocationOf("shape"), "[data] shape must be three positive integers [C, H, W], e.g. [3, 32, 32]");
        long count = t.Integer("count") ?? 100;
        if (count is < 1 or > 10_000_000) throw MrfiException.At(t.LocationOf("count"), "[data] count must be a positive number of images");
        long classes = t.Integer("num_classes") ?? 10;
        if (classes is < 1 or > 100_000)
            throw MrfiException.At(t.LocationOf("num_classes"), "[data] num_classes must be a positive integer");
        return new SyntheticDataSpec([.. shape.Select(d => (long)d)], count, (int)classes, t.Integer("seed"));
    }

    /// <summary>root (required, must exist), channels (3, "rgb", "bgr" or 1, "gray"), resize or resize_shorter (none), crop (none);
    /// <paramref name="classes"/> must name every sub-folder of root once.</summary>
    public static FolderDataSpec Folder(ConfigTable t, Func<string, string> resolve, IReadOnlyList<string>? classes)
    {
        string root = resolve(t.RequiredString("root"));
        if (!Directory.Exists(root))
            throw MrfiException.At(t.LocationOf("root"), $"[data] root: folder not found: {root}");
        var (channels, bgr) = Channels(t);
        var resize = Size(t, "resize");
        long? shorter = t.Integer("resize_shorter");
        if (shorter is < 1 or > 8192)
            throw MrfiException.At(t.LocationOf("resize_shorter"), "[data] resize_shorter must be a size in pixels, e.g. 256");
        if (resize is not null && shorter is not null)
            throw MrfiException.At(t.LocationOf("resize_shorter"),
                "[data] resize and resize_shorter exclude each other: resize sets both sides, resize_shorter the shorter one (keeping " +
                "the aspect ratio)");
        var spec = new FolderDataSpec(root, channels, resize, t.LocationOf("root"))
            { ResizeShorter = (int?)shorter, Crop = Size(t, "crop"), Bgr = bgr, Classes = classes };
        if (classes is not null) ClassFolders.Check(spec, t.LocationOf("classes"));
        return spec;
    }

    /// <summary>file (required, must exist), inputs (the one tensor besides the labels), labels ("labels" when present);
    /// mean, std and scale are refused: the file's tensors are fed as they are.</summary>
    public static TensorDataSpec Tensors(ConfigTable t, Func<string, string> resolve)
    {
        string format = t.String("format")!;
        string file = resolve(t.RequiredString("file"));
        if (!File.Exists(file)) throw MrfiException.At(t.LocationOf("file"), $"[data] file: file not found: {file}");
        foreach (var key in new[] { "mean", "std", "scale" })
            if (t.Has(key))
                throw MrfiException.At(t.LocationOf(key),
                    $"[data] {key} does not apply to format = \"{format}\": its tensors are fed to the model as they are; normalise them " +
                    $"when writing the file");
        var inputs = t.Strings("inputs");
        return new TensorDataSpec(file, inputs, t.String("labels"), t.LocationOf("file"));
    }

    /// <summary>The valid values of [data] channels.</summary>
    private static readonly string[] ChannelNames = ["rgb", "bgr", "gray"];

    private static (int Channels, bool Bgr) Channels(ConfigTable t)
    {
        const string valid = "[data] channels must be 3 or \"rgb\" (R, G, B), \"bgr\" (B, G, R) or 1 or \"gray\" (grayscale)";
        return t.Raw("channels")?.Value switch
        {
            null or 3L or "rgb" => (3, false),
            "bgr" => (3, true),
            1L or "gray" => (1, false),
            string name => throw MrfiException.At(t.LocationOf("channels"),
                $"{valid}, not \"{name}\". {NameSuggester.Hint(name, ChannelNames)}"),
            _ => throw MrfiException.At(t.LocationOf("channels"), valid),
        };
    }

    /// <summary>A size in pixels (one number = a square) or [height, width]; null when absent.</summary>
    private static (int Height, int Width)? Size(ConfigTable t, string key)
    {
        if (t.Numbers(key) is not { } size) return null;
        if (size.Count is not (1 or 2) || size.Any(d => d < 1 || d > 8192 || d != Math.Floor(d)))
            throw MrfiException.At(t.LocationOf(key), $"[data] {key} must be a size in pixels (224) or [height, width]");
        return ((int)size[0], (int)size[^1]);
    }

    /// <summary>classes = ["t-shirt", "trouser", …]: the name of label 0, 1, …, each once; null when not given.</summary>
    public static IReadOnlyList<string>? Classes(ConfigTable t)
    {
        if (!t.Has("classes")) return null;
        var classes = t.Strings("classes");
        var at = t.LocationOf("classes");
        if (classes.Count == 0)
            throw MrfiException.At(at, "[data] classes must name at least one class: [\"t-shirt\", \"trouser\", …] (label 0, 1, …)");
        if (classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw MrfiException.At(at, $"[data] classes names '{twice.Key}' twice; each label needs its own class");
        if (classes.Count > 256) throw MrfiException.At(at, $"[data] classes has {classes.Count} names; at most 256 labels are supported");
        return classes;
    }
}
