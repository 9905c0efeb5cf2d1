using System.Reflection;

namespace Mrfi.Core.Models.Onnx;

/// <summary>The supported ONNX operators: every <see cref="IOnnxConverter"/> of this assembly marked with
/// <see cref="OnnxOperatorAttribute"/>, found once by reflection (no table to edit when an operator is added).</summary>
internal static class OnnxOperatorRegistry
{
    /// <summary>The lowest default-domain opset mrfi reads.</summary>
    public const int MinOpset = 7;

    /// <summary>The highest default-domain opset mrfi reads.</summary>
    public const int MaxOpset = 17;

    private static readonly Lazy<IReadOnlyList<OnnxOperatorInfo>> All = new(Discover);

    /// <summary>Every supported operator and opset range, sorted by op type.</summary>
    public static IReadOnlyList<OnnxOperatorInfo> Operators => All.Value;

    /// <summary>The converter of <paramref name="opType"/> at <paramref name="opset"/>, or null.</summary>
    public static IOnnxConverter? Find(string opType, int opset) =>
        All.Value.FirstOrDefault(o => o.OpType == opType && opset >= o.SinceOpset && opset <= o.UntilOpset)?.Create();

    /// <summary>Whether the op type is supported at some opset.</summary>
    public static bool Knows(string opType) => All.Value.Any(o => o.OpType == opType);

    /// <summary>The supported list as one line: <c>Add (7–17), Conv (7–17), …</c>.</summary>
    public static string Summary() =>
        string.Join(", ", All.Value.GroupBy(o => o.OpType).Select(g => $"{g.Key} ({string.Join(", ", g.Select(o => o.Range))})"));

    private static IReadOnlyList<OnnxOperatorInfo> Discover()
    {
        var found = new List<OnnxOperatorInfo>();
        foreach (var type in typeof(OnnxOperatorRegistry).Assembly.GetTypes())
        {
            if (type.IsAbstract || !typeof(IOnnxConverter).IsAssignableFrom(type)) continue;
            foreach (var attribute in type.GetCustomAttributes<OnnxOperatorAttribute>())
                found.Add(new OnnxOperatorInfo(attribute.OpType, Math.Max(attribute.SinceOpset, MinOpset),
                    Math.Min(attribute.UntilOpset, MaxOpset), type));
        }
        foreach (var clash in found.GroupBy(o => o.OpType)
            .SelectMany(g => g.SelectMany(a =>
                g.Where(b => a.Type != b.Type && a.SinceOpset <= b.UntilOpset && b.SinceOpset <= a.UntilOpset))).Take(1))
            throw new InvalidOperationException($"two converters claim ONNX {clash.OpType} at overlapping opsets: {clash.Type.Name}");
        return [.. found.OrderBy(o => o.OpType, StringComparer.Ordinal).ThenBy(o => o.SinceOpset)];
    }
}
