using System.Reflection;
using Spectre.Console.Cli;

namespace Mrfi.Tool.CommandLine;

/// <summary>Every command of the tool with its options and arguments, read from the command classes themselves (the
/// <c>[CommandOption]</c>/<c>[CommandArgument]</c> attributes Spectre binds), so the usage check never drifts from them.</summary>
internal static class CommandTable
{
    /// <summary>Command name → its parameters. Names follow the class names (<c>BenchSelectorsCommand</c> →
    /// <c>bench-selectors</c>), as MrfiApp registers them; a test holds the two together.</summary>
    public static IReadOnlyDictionary<string, CommandSpec> Commands { get; } = Discover();

    private static Dictionary<string, CommandSpec> Discover()
    {
        var commands = new Dictionary<string, CommandSpec>(StringComparer.Ordinal);
        foreach (var type in typeof(CommandTable).Assembly.GetTypes())
        {
            if (type.IsAbstract || SettingsOf(type) is not { } settings) continue;
            string name = Mrfi.Core.Components.ComponentActivator.SnakeCase(type.Name[..^"Command".Length]).Replace('_', '-');
            commands[name] = new CommandSpec(name, Options(settings), Arguments(settings));
        }
        return commands;
    }

    private static Type? SettingsOf(Type type)
    {
        if (!type.Name.EndsWith("Command", StringComparison.Ordinal)) return null;
        if (typeof(Command).IsAssignableFrom(type) || typeof(AsyncCommand).IsAssignableFrom(type)) return typeof(EmptyCommandSettings);
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Command<>)
                || t.GetGenericTypeDefinition() == typeof(AsyncCommand<>)))
                return t.GetGenericArguments()[0];
        return null;
    }

    private static List<OptionSpec> Options(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new OptionSpec(x.Attribute!.LongNames, x.Attribute.ShortNames, x.Attribute.ValueName, x.Property.PropertyType))];

    private static List<ArgumentSpec> Arguments(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<CommandArgumentAttribute>()))
            .Where(x => x.Attribute is not null)
            .OrderBy(x => x.Attribute!.Position)
            .Select(x => new ArgumentSpec(x.Attribute!.ValueName, x.Attribute.IsRequired, x.Property.PropertyType.IsArray))];
}
