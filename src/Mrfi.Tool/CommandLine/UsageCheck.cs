using System.Globalization;
using Mrfi.Core;

namespace Mrfi.Tool.CommandLine;

/// <summary>Checks a command line against <see cref="CommandTable"/> before Spectre parses it, so that every usage mistake —
/// an unknown command or option, a value that does not parse, a folder option naming a file — ends in one line that names
/// the option and what it takes (Spectre would say "Failed to convert 'x' to Nullable`1", or ignore an unknown option).</summary>
internal static class UsageCheck
{
    private static readonly string[] Help = ["-h", "--help", "-?"];

    /// <summary>The one-line problem with <paramref name="args"/>, or null when Spectre may run them.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || Help.Contains(args[0]) || args[0] == "--version") return null;
        var commands = CommandTable.Commands;
        if (!commands.TryGetValue(args[0], out var command))
        {
            var names = commands.Keys.Order(StringComparer.Ordinal).ToList();
            string what = args[0].StartsWith('-') ? "option" : "command";
            return $"unknown {what} '{args[0]}'. {NameSuggester.Hint(args[0], names)} Usage: dotnet mrfi COMMAND [OPTIONS]";
        }
        int positional = 0;
        for (int i = 1; i < args.Count; i++)
        {
            string token = args[i];
            if (token == "--") return null;
            if (Help.Contains(token)) return null;
            if (IsOption(token))
            {
                if (Option(command, args, ref i) is { } problem) return problem;
                continue;
            }
            if (Argument(command, positional++, token) is { } wrong) return wrong;
        }
        var missing = command.Arguments.Skip(positional).FirstOrDefault(a => a.Required);
        return missing is null ? null
            : $"'{command.Name}' needs {missing.ValueName}: dotnet mrfi {command.Name} " +
                $"{string.Join(' ', command.Arguments.Select(a => a.ValueName))}";
    }

    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string? Option(CommandSpec command, IReadOnlyList<string> args, ref int i)
    {
        string token = args[i];
        int split = token.StartsWith("--", StringComparison.Ordinal) ? token.IndexOfAny(['=', ':']) : -1;
        string name = split < 0 ? token : token[..split];
        string? inline = split < 0 ? null : token[(split + 1)..];
        if (command.Find(name) is not { } option)
            return $"unknown option '{name}' for '{command.Name}'. {Hint(name, command)} See: dotnet mrfi {command.Name} --help";
        if (option.IsFlag)
            return inline is null or "true" or "false" ? null : $"{option.Name} is a switch and takes no value, not '{inline}'";
        string? value = inline ?? (i + 1 < args.Count && !IsOption(args[i + 1]) ? args[++i] : null);
        if (value is null) return $"{option.Name} needs a value: {option.Expected} ({option.Name} {option.ValueName})";
        if (!option.Accepts(value)) return $"{option.Name} takes {option.Expected}, not '{value}'";
        return PathCheck.Problem(option.Name, option.ValueName!, value);
    }

    private static string? Argument(CommandSpec command, int position, string value)
    {
        var arguments = command.Arguments;
        if (position < arguments.Count) return PathCheck.Problem(arguments[position].ValueName, arguments[position].ValueName, value);
        if (arguments.Count > 0 && arguments[^1].TakesRest) return null;
        string takes = arguments.Count == 0 ? "no arguments" : $"only {string.Join(' ', arguments.Select(a => a.ValueName))}";
        return $"'{command.Name}' takes {takes}; '{value}' is one too many (options start with --)";
    }

    private static string Hint(string name, CommandSpec command)
    {
        var longNames = command.Options.SelectMany(o => o.LongNames).Select(n => "--" + n).Order(StringComparer.Ordinal).ToList();
        string? closest = NameSuggester.Closest(name, command.Spellings);
        string list = longNames.Count == 0 ? "it takes no options." : $"Options: {string.Join(", ", longNames)}.";
        return closest is null ? list : $"Did you mean '{closest}'? {list}";
    }
}
