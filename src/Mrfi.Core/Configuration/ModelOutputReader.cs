
namespace Mrfi.Core.Configuration;

/// <summary>Reads [model] output and tolerance, the keys that say how trial outputs are compared with the golden run.</summary>
internal static class ModelOutputReader
{
    /// <summary>The valid values of [model] output.</summary>
    public static readonly string[] Kinds = ["auto", "classes", "tensor"];

    /// <summary>The engine keys of [model] besides the architecture's constructor arguments.</summary>
    public static readonly string[] Keys = ["output", "tolerance"];

    /// <summary>Returns <paramref name="section"/> with output (auto) and tolerance (<see cref="ModelSection.DefaultTolerance"/>) read from
    /// <paramref name="t"/>.</summary>
    public static ModelSection Read(ConfigTable t, ModelSection section)
    {
        string name = t.String("output") ?? "auto";
        var kind = name switch
        {
            "auto" => OutputKind.Auto,
            "classes" => OutputKind.Classes,
            "tensor" => OutputKind.Tensor,
            _ => throw MrfiException.At(t.LocationOf("output"),
                $"[model] output must be \"classes\" ([N, classes] logits), \"tensor\" (any other output, compared with the golden " +
                $"output) or \"auto\", not \"{name}\". {NameSuggester.Hint(name, Kinds)}"),
        };
        double tolerance = t.Number("tolerance") ?? ModelSection.DefaultTolerance;
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw MrfiException.At(t.LocationOf("tolerance"),
                "[model] tolerance must be a number ≥ 0: the largest relative deviation from the golden output that is not an SDC, " +
                "e.g. 0.01");
        return section with { Output = kind, Tolerance = tolerance, OutputLocation = t.LocationOf("output") };
    }
}
