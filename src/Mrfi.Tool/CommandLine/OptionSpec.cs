using System.Globalization;

namespace Mrfi.Tool.CommandLine;

/// <summary>One option: its spellings, the placeholder of its value (null for a flag) and the property type it binds to.</summary>
internal sealed record OptionSpec(IReadOnlyList<string> LongNames, IReadOnlyList<string> ShortNames, string? ValueName, Type Type)
{
    /// <summary><c>--out</c>, <c>-o</c> …</summary>
    public IEnumerable<string> Spellings => LongNames.Select(n => "--" + n).Concat(ShortNames.Select(n => "-" + n));

    /// <summary>The spelling used in messages: the first long name.</summary>
    public string Name => Spellings.First();

    /// <summary>A flag takes no value.</summary>
    public bool IsFlag => ValueName is null;

    private Type Element
    {
        get
        {
            var type = Type.IsArray ? Type.GetElementType()! : Type;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }

    /// <summary>What the value must look like, in words ("a whole number").</summary>
    public string Expected => Element switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
        { IsEnum: true } t => "one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())),
        _ => "a value",
    };

    /// <summary>Whether <paramref name="value"/> converts to the option's type the way Spectre will convert it.</summary>
    public bool Accepts(string value) => Element switch
    {
        var t when t == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(short) => short.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        { IsEnum: true } t => Enum.TryParse(t, value, ignoreCase: true, out _),
        _ => value.Length > 0,
    };
}
