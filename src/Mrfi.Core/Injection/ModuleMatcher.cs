using System.Text.RegularExpressions;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Finds the modules a <see cref="ModuleFilter"/> selects, as MRFI's find_modules: the union of name, type and full-name
/// matches.</summary>
public static class ModuleMatcher
{
    /// <summary>Display name used for the root model (MRFI's empty name).</summary>
    public const string RootName = "";

    /// <summary>All modules with qualified names, the root first (named "").</summary>
    public static IReadOnlyList<(string Name, nn.Module Module)> All(nn.Module model) => model is Models.ISiteNaming sites
        ? [(RootName, model), .. sites.Sites]
        : [(RootName, model), .. model.named_modules().Where(m => m.name.Length > 0)];

    /// <summary>The type name shown and matched for a module (an imported graph's node: its op type).</summary>
    public static string TypeName(nn.Module model, nn.Module module) =>
        (model as Models.ISiteNaming)?.TypeName(module) ?? module.GetType().Name;

    /// <summary>The matching modules in model order; fails when none match, listing the model's modules.</summary>
    public static IReadOnlyList<(string Name, nn.Module Module)> Match(nn.Module model, ModuleFilter filter, string what)
    {
        var all = All(model);
        string list = string.Join(", ", all.Skip(1).Select((m, i) => $"{i}: {m.Name} ({TypeName(model, m.Module)})"));
        var badIndex = filter.Indexes.FirstOrDefault(i => i >= all.Count - 1, -1);
        if (badIndex >= 0)
            throw MrfiException.At(filter.Location,
                $"{what}: module_index {badIndex} does not exist; the model has {all.Count - 1} modules: {list}");
        var matched = all.Where((m, i) => Matches(model, m.Name, m.Module, i - 1, filter) && !Excluded(m.Name, filter)).ToList();
        if (matched.Count == 0)
            throw MrfiException.At(filter.Location, $"{what} matches no module of the model{Takes(filter)}. The model has: {list}");
        if (filter.ExpectedType is { } expected)
        {
            foreach (var (name, module) in matched.Where(m => TypeName(model, m.Module) != expected))
                throw MrfiException.At(filter.Location,
                    $"{what}: module '{name}' is a {TypeName(model, module)}, not a {expected}; was the tree expanded for another model?");
        }
        return matched;
    }

    private static bool Matches(nn.Module model, string name, nn.Module module, int index, ModuleFilter filter)
    {
        if (filter.FullNames.Contains(name)) return true;
        if (index >= 0 && filter.Indexes.Contains(index)) return true;
        string type = module.GetType().Name;
        if (filter.Types.Any(t => filter.TypeSubstring ? type.Contains(t, StringComparison.Ordinal) : type == t)) return true;
        // An imported graph's node also answers to its op type and the PyTorch name meaning the same (Conv2d, Linear).
        if (model is Models.ISiteNaming sites && filter.Types.Any(t => sites.IsType(module, t, filter.TypeSubstring))) return true;
        foreach (var pattern in filter.Names)
        {
            if (IsGlob(pattern)) { if (name.Length > 0 && Glob(pattern).IsMatch(name)) return true; }
            else if (name.Contains(pattern, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>What name selectors take, for a match that found nothing (a regex is the usual cause).</summary>
    private static string Takes(ModuleFilter filter) =>
        filter.Names.Count + filter.FullNames.Count + filter.Exclude.Count == 0 ? ""
            : " (module_name takes a part of a module name or a glob with * and ?, module_fullname and exclude whole names or globs; not " +
                "regular expressions)";

    private static bool Excluded(string name, ModuleFilter filter) =>
        filter.Exclude.Any(p => IsGlob(p) ? Glob(p).IsMatch(name) : p == name);

    private static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");
}
