using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mrfi.Core.Configuration;

/// <summary>The sweep variables' values at one point: numbers, and the text of text-valued variables
/// (<c>format = ["float16", "int8"]</c>).</summary>
/// <remarks>It reads as a dictionary of the numeric variables, which is what sweep expressions, gates and sums need; the
/// text variables are in <see cref="Texts"/>. A name is in one or the other, never both, and <see cref="Names"/> keeps
/// the order they were given in (the config's order, the order of columns in trials.parquet).</remarks>
public sealed class SweepValues : IReadOnlyDictionary<string, double>
{
    private readonly Dictionary<string, double> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>Values by name, in order: each a number (<see cref="double"/>, <see cref="long"/>, <see cref="int"/>,
    /// <see cref="float"/>) or a string.</summary>
    public SweepValues(IEnumerable<KeyValuePair<string, object>> values)
    {
        foreach (var (name, value) in values)
        {
            if (_numbers.ContainsKey(name) || _texts.ContainsKey(name))
                throw new ArgumentException($"sweep variable '{name}' is given twice");
            switch (value)
            {
                case string s: _texts[name] = s; break;
                case double or long or int or float: _numbers[name] = Convert.ToDouble(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException(
                    $"sweep variable '{name}' must be a number or a string, not {value?.GetType().Name ?? "null"}");
            }
            _names.Add(name);
        }
    }

    /// <summary>No variables (nothing swept).</summary>
    public static SweepValues Empty { get; } = new([]);

    /// <summary>Numeric variables only, in the dictionary's order.</summary>
    public static implicit operator SweepValues(Dictionary<string, double> numbers) => FromNumbers(numbers);

    /// <summary>Numeric variables only.</summary>
    public static SweepValues FromNumbers(IEnumerable<KeyValuePair<string, double>> numbers) =>
        new(numbers.Select(kv => KeyValuePair.Create(kv.Key, (object)kv.Value)));

    /// <summary>Every variable, numeric and text, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The text-valued variables.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>Whether <paramref name="name"/> is a variable here, of either kind.</summary>
    public bool Has(string name) => _numbers.ContainsKey(name) || _texts.ContainsKey(name);

    /// <summary>A variable's value: a double or a string; null when absent.</summary>
    public object? Get(string name) => _texts.TryGetValue(name, out var s) ? s : _numbers.TryGetValue(name, out var d) ? d : null;

    /// <summary>A value for logs and tables: the text, or the number in <paramref name="format"/> (4 significant digits: 1e-05).</summary>
    public string Show(string name, string format = "G4") =>
        _texts.TryGetValue(name, out var s) ? s : _numbers.TryGetValue(name, out var d) ? d.ToString(format, CultureInfo.InvariantCulture)
            : "";

    /// <summary>"ber = 0.0001, format = int8": every variable in order, numbers in 6 significant digits (gate messages).</summary>
    public string Describe() => string.Join(", ", _names.Select(n => $"{n} = {Show(n, "G6")}"));

    /// <inheritdoc />
    public double this[string key] => _numbers[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _numbers.Keys;

    /// <inheritdoc />
    public IEnumerable<double> Values => _numbers.Values;

    /// <inheritdoc />
    public int Count => _numbers.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _numbers.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value) => _numbers.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _numbers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
