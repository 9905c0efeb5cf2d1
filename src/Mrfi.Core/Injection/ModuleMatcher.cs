using System.Text.RegularExpressions;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Finds the modules a <see cref="ModuleFilter"/> selects, as MRFI's find_modules: the union of name, type and full-name matches.</summary>
public static class ModuleMatcher
{
    /// <summary>Display name used for the root model (MRFI's empty name).</summary>
    public const string RootName = "";

    /// <summary>All modules with qualified names, the root first (named "").</summary>
    public static IReadOnlyList<(string Name, nn.Module Module)> All(nn.Module model) =>
        [(RootName, model), .. model.named_modules().Where(m => m.name.Length > 0)];

    /// <summary>The matching modules in model order; fails when none match, listing the model's modules.</summary>
    public static IReadOnlyList<(string Name, nn.Module Module)> Match(nn.Module model, ModuleFilter filter, string what)
    {
        var all = All(model);
        var matched = all.Where(m => Matches(m.Name, m.Module, filter)).ToList();
        if (matched.Count == 0)
        {
            string list = string.Join(", ", all.Where(m => m.Name.Length > 0).Select(m => $"{m.Name} ({m.Module.GetType().Name})"));
            throw MrfiException.At(filter.Location, $"{what} matches no module of the model. The model has: {list}");
        }
        return matched;
    }

    private static bool Matches(string name, nn.Module module, ModuleFilter filter)
    {
        if (filter.FullNames.Contains(name)) return true;
        string type = module.GetType().Name;
        if (filter.Types.Any(t => type.Contains(t, StringComparison.Ordinal))) return true;
        foreach (var pattern in filter.Names)
        {
            if (pattern.IndexOfAny(['*', '?']) >= 0)
            {
                if (name.Length > 0 && Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$")) return true;
            }
            else if (name.Contains(pattern, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
