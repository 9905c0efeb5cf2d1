namespace Mrfi.Core.Models;

/// <summary>One place models come from (the built-in zoo and plugin architectures, ONNX files): resolves [model] to a
/// module with its input spec and output kind. The planner asks <see cref="ModelSources"/>, never a source by name.</summary>
internal interface IModelSource
{
    /// <summary>The [model] key that selects this source (<c>architecture</c>, <c>onnx</c>).</summary>
    string Key { get; }

    /// <summary>How a user takes this route, for the message when [model] names none.</summary>
    string Route { get; }

    /// <summary>Builds the model in eval mode, or throws a located <see cref="MrfiException"/>.</summary>
    LoadedModel Load(ModelRequest request);
}
