namespace Mrfi.Core.Configuration;

/// <summary>A swept variable: a name and its values, numbers or (<see cref="Texts"/>) strings.</summary>
/// <param name="Name">Referenced as <c>"$name"</c> in component arguments.</param>
/// <param name="Values">The values, in order; empty for a text variable.</param>
public sealed record SweepVariable(string Name, IReadOnlyList<double> Values)
{
    /// <summary>A text variable's values (<c>format = ["float16", "int8"]</c>), in order; null for a numeric one.</summary>
    public IReadOnlyList<string>? Texts { get; init; }

    /// <summary>Whether the values are strings.</summary>
    public bool IsText => Texts is not null;

    /// <summary>How many values it takes.</summary>
    public int Count => Texts?.Count ?? Values.Count;

    /// <summary>The <paramref name="i"/>-th value: a double or a string.</summary>
    public object ValueAt(int i) => Texts is { } t ? t[i] : Values[i];

    /// <summary>A text variable.</summary>
    public static SweepVariable Text(string name, IReadOnlyList<string> texts) => new(name, []) { Texts = texts };
}
