namespace Mrfi;

/// <summary>Names a component as the config refers to it (`method = "..."`) and describes it for `dotnet mrfi list`.</summary>
/// <remarks>Without the attribute a component is named by its type name minus its role suffix
/// (<c>Quantizer</c>, <c>Selector</c>, <c>ErrorModel</c>, <c>Observer</c>).</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MrfiComponentAttribute : Attribute
{
    /// <summary>Creates the attribute with the component's config name.</summary>
    public MrfiComponentAttribute(string name) => Name = name;

    /// <summary>The name used in `method = "..."`.</summary>
    public string Name { get; }

    /// <summary>Other accepted names, e.g. MRFI's misspellings.</summary>
    public string[] Aliases { get; init; } = [];

    /// <summary>One line saying what the component does.</summary>
    public string Summary { get; init; } = "";
}
