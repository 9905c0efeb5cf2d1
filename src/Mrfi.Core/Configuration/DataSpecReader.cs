namespace Mrfi.Core.Configuration;

/// <summary>Reads the keys of the built-in generated and decoded data formats, [data] format = "synthetic" and "folder".</summary>
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
        if (classes is < 1 or > 100_000) throw MrfiException.At(t.LocationOf("num_classes"), "[data] num_classes must be a positive integer");
        return new SyntheticDataSpec([.. shape.Select(d => (long)d)], count, (int)classes, t.Integer("seed"));
    }

    /// <summary>root (required, must exist), channels (3), resize (none; one size or [height, width]); <paramref name="classes"/>
    /// must name every sub-folder of root once.</summary>
    public static FolderDataSpec Folder(ConfigTable t, Func<string, string> resolve, IReadOnlyList<string>? classes)
    {
        string root = resolve(t.RequiredString("root"));
        if (!Directory.Exists(root))
            throw MrfiException.At(t.LocationOf("root"), $"[data] root: folder not found: {root}");
        long channels = t.Integer("channels") ?? 3;
        if (channels is not (1 or 3)) throw MrfiException.At(t.LocationOf("channels"), "[data] channels must be 1 (grayscale) or 3 (RGB)");
        (int, int)? resize = null;
        if (t.Numbers("resize") is { } size)
        {
            if (size.Count is not (1 or 2) || size.Any(d => d < 1 || d > 8192 || d != Math.Floor(d)))
                throw MrfiException.At(t.LocationOf("resize"), "[data] resize must be a size in pixels (32) or [height, width]");
            resize = ((int)size[0], (int)size[^1]);
        }
        var spec = new FolderDataSpec(root, (int)channels, resize, t.LocationOf("root")) { Classes = classes };
        if (classes is not null) Data.ImageFolder.CheckClasses(spec, t.LocationOf("classes"));
        return spec;
    }

    /// <summary>classes = ["t-shirt", "trouser", …]: the name of label 0, 1, …, each once; null when not given.</summary>
    public static IReadOnlyList<string>? Classes(ConfigTable t)
    {
        if (!t.Has("classes")) return null;
        var classes = t.Strings("classes");
        var at = t.LocationOf("classes");
        if (classes.Count == 0) throw MrfiException.At(at, "[data] classes must name at least one class: [\"t-shirt\", \"trouser\", …] (label 0, 1, …)");
        if (classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw MrfiException.At(at, $"[data] classes names '{twice.Key}' twice; each label needs its own class");
        if (classes.Count > 256) throw MrfiException.At(at, $"[data] classes has {classes.Count} names; at most 256 labels are supported");
        return classes;
    }
}
