namespace Mrfi.Core.Configuration;

/// <summary>One key's value in a config file with where it was written. Values are long, double, bool,
/// string, DateTimeOffset, <see cref="ConfigTable"/> or IReadOnlyList&lt;ConfigValue&gt;.</summary>
/// <param name="Key">The key's dotted path, e.g. <c>fault_inject[0].selector.rate</c>.</param>
/// <param name="Value">The parsed value.</param>
/// <param name="Location">Where the key was written.</param>
public sealed record ConfigValue(string Key, object Value, SourceLocation Location)
{
    /// <summary>A TOML type name for error messages.</summary>
    public string TypeName => Value switch
    {
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        string => "a string",
        ConfigTable => "a table",
        IReadOnlyList<ConfigValue> => "an array",
        _ => "a date/time",
    };
}
