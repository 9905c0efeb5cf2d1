namespace Mrfi.Core.Components;

/// <summary>One config key of a component.</summary>
/// <param name="Name">The key (snake_case).</param>
/// <param name="Type">What it takes, in words.</param>
/// <param name="Default">Its default, or null when required.</param>
public sealed record ParameterInfoText(string Name, string Type, string? Default)
{
    /// <summary>"bit_width" or "rate = 0.0001".</summary>
    public override string ToString() => Default is null ? Name : $"{Name} = {Default}";
}
