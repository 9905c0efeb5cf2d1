namespace Mrfi.Core.Planning;

/// <summary>One module of a model: its number in the module list, name, type, parameter shapes, and the shapes of its input and
/// output for one batch (null when the module was not called or does not map one tensor to one tensor).</summary>
/// <param name="Index">Position in the module list (module_index), -1 for the whole model.</param>
/// <param name="Name">Qualified name ("" for the whole model).</param>
/// <param name="Type">TorchSharp type name.</param>
/// <param name="Parameters">Own parameters (not recursive) with shapes.</param>
/// <param name="Input">Input shape.</param>
/// <param name="Output">Output shape.</param>
public sealed record LayerShapes(int Index, string Name, string Type, IReadOnlyList<(string Name, long[] Shape)> Parameters, long[]? Input,
    long[]? Output);
