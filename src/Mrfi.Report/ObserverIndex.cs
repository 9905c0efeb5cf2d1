using Mrfi.Results.Schema;

namespace Mrfi.Report;

/// <summary>The scalar observer values of a results folder by observer, metric, layer and position; vector results
/// (rows with an index: histograms, samples) are only named, since a bar or box per layer cannot show them. Rows
/// without a value (a module that never ran in that trial) are counted, not drawn.</summary>
internal sealed class ObserverIndex
{
    private readonly Dictionary<(string Observer, string Metric, string Layer, string Position), Dictionary<long, double>> _scalars = [];

    public ObserverIndex(Table? observers)
    {
        if (observers is null) return;
        var metrics = new List<(string, string)>();
        var vectors = new List<(string, string)>();
        var layers = new Dictionary<(string, string), List<(string, string)>>();
        var saveLast = new List<(string, string)>();
        var neverRan = new Dictionary<(string, string, string), HashSet<long>>();
        for (int r = 0; r < observers.Rows; r++)
        {
            string observer = observers.String(ObserverColumns.Observer, r) ?? "",
            metric = observers.String(ObserverColumns.Metric, r) ?? "";
            if (observers.Value(ObserverColumns.Value, r) is null)
            {
                var at = (observer, observers.String(ObserverColumns.Layer, r) ?? "",
                    observers.String(ObserverColumns.Position, r) ?? "after");
                if (!neverRan.TryGetValue(at, out var trials)) neverRan[at] = trials = [];
                trials.Add(observers.Long(ObserverColumns.Trial, r));
                continue;
            }
            if (observers.Value(ObserverColumns.Index, r) is not null)
            {
                if (!vectors.Contains((observer, metric))) vectors.Add((observer, metric));
                var saved = (observers.String(ObserverColumns.Layer, r) ?? "", observers.String(ObserverColumns.Position, r) ?? "after");
                if (observer == "SaveLast" && !saveLast.Contains(saved)) saveLast.Add(saved);
                continue;
            }
            string layer = observers.String(ObserverColumns.Layer, r) ?? "",
            position = observers.String(ObserverColumns.Position, r) ?? "after";
            if (!layers.TryGetValue((observer, metric), out var list))
            {
                metrics.Add((observer, metric));
                layers[(observer, metric)] = list = [];
            }
            if (!list.Contains((layer, position))) list.Add((layer, position));
            var key = (observer, metric, layer, position);
            if (!_scalars.TryGetValue(key, out var values)) _scalars[key] = values = [];
            values[observers.Long(ObserverColumns.Trial, r)] = observers.Double(ObserverColumns.Value, r);
        }
        Metrics = metrics;
        Vectors = vectors;
        SaveLastLayers = saveLast;
        Layers = layers;
        NeverRan = [.. neverRan.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.Count))];
    }

    /// <summary>Observers whose module never ran in some trials (null values there), with how many trials, in order of
    /// appearance.</summary>
    public IReadOnlyList<(string Observer, string Layer, string Position, int Trials)> NeverRan { get; } = [];

    /// <summary>Scalar (observer, metric) pairs in order of appearance.</summary>
    public IReadOnlyList<(string Observer, string Metric)> Metrics { get; } = [];

    /// <summary>Vector (observer, metric) pairs, not drawn.</summary>
    public IReadOnlyList<(string Observer, string Metric)> Vectors { get; } = [];

    /// <summary>Layers (with position) that a SaveLast observer saved values of, in order of appearance.</summary>
    public IReadOnlyList<(string Layer, string Position)> SaveLastLayers { get; } = [];

    /// <summary>Layers (with position) of each scalar metric, in order of appearance (the model's order).</summary>
    public IReadOnlyDictionary<(string, string), List<(string Layer, string Position)>> Layers { get; } =
        new Dictionary<(string, string), List<(string, string)>>();

    /// <summary>trial → value of one observer metric at one layer.</summary>
    public IReadOnlyDictionary<long, double> Values(string observer, string metric, string layer, string position) =>
        _scalars.TryGetValue((observer, metric, layer, position), out var v) ? v : new Dictionary<long, double>();

    /// <summary>"RMSE" when the metric repeats the observer's name, else "MinMax (min)".</summary>
    public static string Name(string observer, string metric) =>
        observer.Equals(metric, StringComparison.OrdinalIgnoreCase) ? observer : $"{observer} ({metric})";

    /// <summary>"fc1", "fc1 (input)", "(model)".</summary>
    public static string LayerLabel(string layer, string position) =>
        (layer.Length == 0 ? "(model)" : layer) + (position == "pre" ? " (input)" : "");
}
