using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;

namespace Mrfi.Core.Configuration;

/// <summary>Parses a TOML file into <see cref="ConfigTable"/>s that know their source lines.</summary>
public static class TomlDocument
{
    /// <summary>Reads and parses a file; syntax errors and duplicate keys become an <see cref="MrfiException"/> naming line and
    /// column.</summary>
    public static (ConfigTable Root, string Text) Load(string path)
    {
        if (!File.Exists(path))
            throw MrfiException.At(new SourceLocation(path, 0, 0),
                $"config file not found (full path: {System.IO.Path.GetFullPath(path)}). Pass the config as `dotnet mrfi run PATH`.");
        string text = File.ReadAllText(path);
        return (Parse(text, path), text);
    }

    /// <summary>Parses TOML text; <paramref name="sourceName"/> is used in locations.</summary>
    public static ConfigTable Parse(string text, string sourceName)
    {
        // The syntax tree reports duplicate keys and tables, which the model deserializer accepts silently.
        var syntax = SyntaxParser.Parse(text, sourceName, true);
        var errors = syntax.Diagnostics.Where(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var at = new SourceLocation(sourceName, first.Span.Start.Line + 1, first.Span.Start.Column + 1);
            string more = errors.Count > 1
                ? $" (and {errors.Count - 1} more: {string.Join("; ", errors.Skip(1).Take(3).Select(e => e.ToString()))})" : "";
            throw MrfiException.At(at, $"invalid TOML: {first.Message}{more}");
        }

        var store = new TomlMetadataStore();
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text,
                new TomlSerializerOptions { SourceName = sourceName, MetadataStore = store })
                ?? throw MrfiException.At(new SourceLocation(sourceName, 0, 0), "the file is empty");
        }
        catch (TomlException e)
        {
            throw MrfiException.At(new SourceLocation(sourceName, e.Line ?? 0, e.Column ?? 0), $"invalid TOML: {e.Message}");
        }
        return Convert(model, "", new SourceLocation(sourceName, 1, 1), store, sourceName);
    }

    private static ConfigTable Convert(TomlTable table, string path, SourceLocation location, TomlMetadataStore store, string file)
    {
        store.TryGetProperties(table, out var metadata);
        var values = new List<KeyValuePair<string, ConfigValue>>();
        foreach (var (key, raw) in table)
        {
            var at = location;
            if (metadata is not null && metadata.TryGetProperty(key, out var property) && property.Span is { } span)
                at = new SourceLocation(file, span.Start.Line + 1, span.Start.Column + 1);
            string childPath = path.Length == 0 ? key : $"{path}.{key}";
            values.Add(new(key, new ConfigValue(childPath, ConvertValue(raw, childPath, at, store, file), at)));
        }
        return new ConfigTable(path, location, values);
    }

    private static object ConvertValue(object raw, string path, SourceLocation at, TomlMetadataStore store, string file) => raw switch
    {
        TomlTable t => Convert(t, path, FirstKeyLocation(t, store, file) ?? at, store, file),
        TomlTableArray ta => ta.Select((t, i) =>
            new ConfigValue($"{path}[{i}]", Convert(t, $"{path}[{i}]", FirstKeyLocation(t, store, file) ?? at, store, file),
                FirstKeyLocation(t, store, file) ?? at)).ToList(),
        TomlArray a => a.Select((v, i) => new ConfigValue($"{path}[{i}]", ConvertValue(v!, $"{path}[{i}]", at, store, file), at)).ToList(),
        TomlDateTime d => d.DateTime,
        int i => (long)i,
        float f => (double)f,
        _ => raw,
    };

    private static SourceLocation? FirstKeyLocation(TomlTable t, TomlMetadataStore store, string file)
    {
        if (!store.TryGetProperties(t, out var md) || md is null) return null;
        SourceLocation? best = null;
        foreach (var key in t.Keys)
        {
            if (md.TryGetProperty(key, out var p) && p.Span is { } s)
            {
                var loc = new SourceLocation(file, s.Start.Line + 1, s.Start.Column + 1);
                if (best is null || loc.Line < best.Value.Line) best = loc;
            }
        }
        return best;
    }
}
