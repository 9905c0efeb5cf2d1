namespace Mrfi.Core.Configuration;

/// <summary>[data] format = "npz" or "safetensors": a file of named tensors, one per graph input, and optionally labels.</summary>
/// <param name="File">The .npz or .safetensors file.</param>
/// <param name="Inputs">The names of the tensors fed to the model's inputs, in the order of its inputs; empty = the file's
/// one tensor besides the labels.</param>
/// <param name="Labels">The name of the labels tensor; null = "labels" when the file has one, else no labels.</param>
/// <param name="Location">Where <c>file</c> was written, for errors found while loading.</param>
public sealed record TensorDataSpec(string File, IReadOnlyList<string> Inputs, string? Labels, SourceLocation Location);
