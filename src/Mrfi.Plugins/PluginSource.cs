using System.Diagnostics;
using System.Reflection;
using McMaster.NETCore.Plugins;
using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using TorchSharp;

namespace Mrfi.Plugins;

/// <summary>Loads the plugins a config names (top-level <c>plugins</c>) and those dropped into the default folders
/// (<c>~/.mrfi/plugins</c> and <c>plugins/</c> beside the config), adding their components to a catalog.</summary>
/// <remarks>Contract and TorchSharp types are shared with the host, so a plugin's Tensor is the host's Tensor and only one
/// libtorch is loaded. Problems in a plugin the config names are errors; in the default folders, files that are not
/// plugins are skipped and broken plugins are errors too.</remarks>
public static class PluginSource
{
    /// <summary>The file-name pattern plugin assemblies follow in the default folders.</summary>
    public const string DefaultPattern = "**/Mrfi.Plugins.*.dll";

    private static readonly Type[] SharedTypes =
    [
        typeof(IQuantizer), typeof(ISelector), typeof(IErrorModel), typeof(IObserver), typeof(IDataset), typeof(IImageClassifier),
        typeof(MrfiComponentAttribute), typeof(MrfiPluginAttribute), typeof(torch.Tensor), typeof(torch.nn.Module),
    ];

    /// <summary>The default plugin folders for a config in <paramref name="configFolder"/>.</summary>
    public static IReadOnlyList<string> DefaultFolders(string configFolder) =>
        [Path.Combine(PluginFiles.Home, ".mrfi", "plugins"), Path.Combine(configFolder, "plugins")];

    /// <summary>Loads every plugin of <paramref name="config"/> into <paramref name="catalog"/>, recording problems.</summary>
    public static IReadOnlyList<LoadedPlugin> AddTo(ComponentCatalog catalog, MrfiConfig config, Problems problems,
        bool scanDefaults = true)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(config.Path))!;
        var files = new List<(string File, SourceLocation? Where)>();
        foreach (var pattern in config.Plugins)
        {
            string absolute = PluginFiles.Absolute((string)pattern.Value, folder);
            var found = PluginFiles.Expand(absolute);
            if (found.Count == 0)
                problems.Add(MrfiException.At(pattern.Location,
                    $"plugins: {(absolute.IndexOfAny(['*', '?']) >= 0 ? "no file matches" : "file not found:")} {absolute}"));
            files.AddRange(found.Select(f => (f, (SourceLocation?)pattern.Location)));
        }
        if (scanDefaults)
        {
            foreach (var dir in DefaultFolders(folder).Where(Directory.Exists))
                files.AddRange(PluginFiles.Expand(Path.Combine(dir, DefaultPattern))
                    .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/ref/", StringComparison.Ordinal))
                    .Select(f => (f, (SourceLocation?)null)));
        }
        var loaded = new List<LoadedPlugin>();
        foreach (var (file, where) in files.DistinctBy(f => f.File))
        {
            if (problems.Try(() => Load(catalog, file, where)) is { } plugin) loaded.Add(plugin);
        }
        return loaded;
    }

    /// <summary>Loads one plugin assembly into the catalog.</summary>
    public static LoadedPlugin Load(ComponentCatalog catalog, string file, SourceLocation? where = null)
    {
        MrfiException Fail(string message) => new(new Diagnostic($"plugin {file}: {message}", where));
        if (!File.Exists(file)) throw Fail("file not found");
        var clock = Stopwatch.StartNew();
        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(file, SharedTypes, c => c.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (BadImageFormatException)
        {
            throw Fail("not a .NET assembly");
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or InvalidOperationException)
        {
            throw Fail($"cannot be loaded: {e.Message}");
        }
        double ms = clock.Elapsed.TotalMilliseconds;
        var marker = assembly.GetCustomAttribute<MrfiPluginAttribute>()
            ?? throw Fail("is not an mrfi plugin: add [assembly: Mrfi.MrfiPlugin] to it");
        CheckAbstractionsVersion(assembly, Fail);
        string name = marker.Name ?? assembly.GetName().Name ?? Path.GetFileNameWithoutExtension(file);
        int added;
        try
        {
            added = catalog.AddAssembly(assembly, name);
        }
        catch (ReflectionTypeLoadException e)
        {
            var missing = e.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct();
            throw Fail($"a dependency is missing: {string.Join("; ", missing)}");
        }
        catch (InvalidOperationException e)
        {
            throw Fail(e.Message);
        }
        if (added == 0) throw Fail("contains no public quantizer, selector, error model, observer, model or dataset");
        return new LoadedPlugin(name, file, added, ms);
    }

    private static void CheckAbstractionsVersion(Assembly assembly, Func<string, MrfiException> fail)
    {
        var host = typeof(IQuantizer).Assembly.GetName().Version!;
        var used = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Mrfi.Abstractions")?.Version;
        if (used is not null && used.Major != host.Major)
            throw fail($"was built against Mrfi.Abstractions {used.ToString(3)} but this mrfi has {host.ToString(3)}; rebuild the plugin " +
                $"against {host.Major}.x");
    }
}
