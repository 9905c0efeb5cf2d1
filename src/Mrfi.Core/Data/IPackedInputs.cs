namespace Mrfi.Core.Data;

/// <summary>A model with several inputs that takes them packed by <see cref="InputPacking"/> into one tensor per batch.</summary>
internal interface IPackedInputs
{
    /// <summary>The inputs in the order the model takes them; null when the model has one input (fed as stored).</summary>
    IReadOnlyList<PackedInput>? PackedInputs { get; }
}
