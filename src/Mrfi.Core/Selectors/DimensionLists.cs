namespace Mrfi.Core.Selectors;

/// <summary>Per-dimension index lists given by MRFI's keyword aliases (instance/out_channel/d0/out, channel/in_channel/neuron/d1/in,
/// height/d2, width/d3) plus d4 for 5-D tensors. An empty list counts as absent, as in MRFI.</summary>
internal sealed class DimensionLists
{
    private readonly Dictionary<int, long[]> _lists;

    private DimensionLists(Dictionary<int, long[]> lists) => _lists = lists;

    public IReadOnlyDictionary<int, long[]> Lists => _lists;

    /// <summary>From MRFI's keyword aliases, in the order the selectors' constructors take them.</summary>
    public static DimensionLists FromAliases(long[]? instance, long[]? outChannel, long[]? d0, long[]? @out, long[]? channel,
        long[]? inChannel,
        long[]? neuron, long[]? d1, long[]? @in, long[]? height, long[]? d2, long[]? width, long[]? d3, long[]? d4) => From(
            (0, "instance", instance), (0, "out_channel", outChannel), (0, "d0", d0), (0, "out", @out),
            (1, "channel", channel), (1, "in_channel", inChannel), (1, "neuron", neuron), (1, "d1", d1), (1, "in", @in),
            (2, "height", height), (2, "d2", d2), (3, "width", width), (3, "d3", d3), (4, "d4", d4));

    public static DimensionLists From(params (int Dim, string Name, long[]? Values)[] aliases)
    {
        var lists = new Dictionary<int, long[]>();
        var named = new Dictionary<int, string>();
        foreach (var (dim, name, values) in aliases)
        {
            if (values is null || values.Length == 0) continue;
            if (named.TryGetValue(dim, out var other))
                throw new ArgumentException($"{other} and {name} both name dimension {dim}; give one of them", name);
            lists[dim] = values;
            named[dim] = name;
        }
        return new DimensionLists(lists);
    }

    /// <summary>The allowed indices per dimension: listed ones (selected) or all but the listed ones (masked); null = the full
    /// range.</summary>
    public long[]?[] Allowed(long[] shape, bool masked)
    {
        var allowed = new long[]?[shape.Length];
        foreach (var (dim, values) in _lists)
        {
            if (dim >= shape.Length)
                throw new ArgumentException($"dimension {dim} is named but the tensor has shape [{string.Join(", ", shape)}]");
            foreach (var v in values)
            {
                if (v < 0 || v >= shape[dim])
                    throw new ArgumentOutOfRangeException(nameof(shape),
                        $"index {v} is outside dimension {dim} of size {shape[dim]} (shape [{string.Join(", ", shape)}])");
            }
            var set = values.Distinct().Order().ToArray();
            allowed[dim] = masked ? [.. Enumerable.Range(0, (int)shape[dim]).Select(i => (long)i).Except(set)] : set;
        }
        return allowed;
    }
}
