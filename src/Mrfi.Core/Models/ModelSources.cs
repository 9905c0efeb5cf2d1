using Mrfi.Core.Models.Onnx;

namespace Mrfi.Core.Models;

/// <summary>The model sources, and the one a [model] table selects by its key.</summary>
internal static class ModelSources
{
    /// <summary>Every source; a new one is added here and in its own folder.</summary>
    public static IReadOnlyList<IModelSource> All { get; } = [new ZooModelSource(), new OnnxModelSource()];

    /// <summary>Builds the model [model] describes.</summary>
    public static LoadedModel Load(ModelRequest request)
    {
        var table = request.Config.Model.Table;
        var chosen = All.Where(s => table.Has(s.Key)).ToList();
        if (chosen.Count > 1)
            throw MrfiException.At(table.LocationOf(chosen[1].Key), $"[model] names both {chosen[0].Key} and {chosen[1].Key}; keep one");
        if (chosen.Count == 0)
            throw MrfiException.At(table.Location, $"[model] must name a model: {string.Join("; or ", All.Select(s => s.Route))}");
        return chosen[0].Load(request);
    }

    /// <summary>The other routes than <paramref name="source"/>, for an "unknown model" message.</summary>
    public static string OtherRoutes(IModelSource source) => string.Join("; ", All.Where(s => s != source).Select(s => s.Route));
}
