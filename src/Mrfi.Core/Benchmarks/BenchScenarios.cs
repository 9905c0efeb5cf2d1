using System.Globalization;

namespace Mrfi.Core.Benchmarks;

/// <summary>The rows of <c>dotnet mrfi bench</c> for one model: single faults, BER sweeps on activations and weights
/// (8-bit quantized and float32; FP8 E4M3 and MXFP8 at 1e-4), a million faults per forward, and every observer on every layer.</summary>
public static class BenchScenarios
{
    private const string Layers = "module_type = [\"Conv2d\", \"Linear\"]";
    private const string Fp8 = "quantization = { method = \"FloatQuantization\", floattype = \"float8_e4m3fn\" }";
    private const string Mxfp8 = "quantization = { method = \"MXQuantization\", element = \"fp8_e4m3\", block = 32 }";
    private const string Int8 = "quantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }";

    /// <summary>The observers timed on every Conv2d and Linear layer (TopKChange on Linear outputs only: it needs [N, classes]).</summary>
    public static readonly string[] Observers =
        ["MinMax", "MaxAbs", "MeanAbs", "Std", "Shape", "Histogram", "NaNInfCount", "UniformSampling", "SaveLast", "RMSE", "MAE",
            "EqualRate", "TopKChange"];

    /// <summary>The BERs of the sweep rows.</summary>
    public static readonly double[] Bers = [1e-6, 1e-4, 1e-2];

    /// <summary>Every scenario; <paramref name="singleLayer"/> gets the single faults, <paramref name="millionRate"/> is the
    /// per-value rate that puts about 10^6 faults into one forward's activations (null when there are fewer values than that).</summary>
    public static IReadOnlyList<BenchScenario> For(string singleLayer, double? millionRate)
    {
        var rows = new List<BenchScenario>
        {
            new("1 activation fault (float32 bit flip)", "single", Single("activation", singleLayer), null),
            new("1 weight fault (float32 bit flip)", "single", Single("weight", singleLayer), null),
        };
        foreach (string target in new[] { "activation", "weight" })
        {
            foreach (double ber in Bers)
            {
                // Peak memory is measured with the 8-bit activation and weight faults at 1e-4 together.
                rows.Add(new($"{target} BER {Ber(ber)}, int8", $"{target} BER",
                    $"target = \"{target}\"\n{Layers}\n{Int8}\nselector = {{ method = \"RandomPositionByRate\", ber = {Number(ber)} }}\n" +
                    $"error_model = {{ method = \"IntRandomBitFlip\", bit_width = 8 }}", null)
                    { ForMemory = ber == 1e-4 });
                rows.Add(new($"{target} BER {Ber(ber)}, float32", $"{target} BER",
                    $"target = \"{target}\"\n{Layers}\nselector = {{ method = \"RandomPositionByRate\", ber = {Number(ber)} }}\n" +
                    $"error_model = {{ method = \"FloatRandomBitFlip\" }}", null));
            }
            // The formats of accelerators: FP8 E4M3 values (no scaling) and MXFP8 (blocks of 32 with an E8M0 scale), element faults.
            rows.Add(new($"{target} BER 1e-4, FP8 E4M3", $"{target} BER",
                $"target = \"{target}\"\n{Layers}\n{Fp8}\nselector = {{ method = \"RandomPositionByRate\", ber = 1e-4 }}\n" +
                $"error_model = {{ method = \"FloatRandomBitFlip\", floattype = \"float8_e4m3fn\" }}", null));
            rows.Add(new($"{target} BER 1e-4, MXFP8", $"{target} BER",
                $"target = \"{target}\"\n{Layers}\n{Mxfp8}\nselector = {{ method = \"RandomPositionByRate\", ber = 1e-4 }}\n" +
                $"error_model = {{ method = \"IntRandomBitFlip\", bit_width = 8 }}", null));
        }
        if (millionRate is { } rate)
            rows.Add(new("10^6 activation faults (float32)", "faults",
                $"target = \"activation\"\n{Layers}\nselector = {{ method = \"RandomPositionByRate\", rate = {Number(rate)} }}\n" +
                $"error_model = {{ method = \"FloatRandomBitFlip\" }}", null));
        rows.AddRange(Observers.Select(o => new BenchScenario($"observer {o}", "observer", null, o)));
        return rows;
    }

    /// <summary>The campaign config for <paramref name="rows"/>: a zip sweep with one point per fault row, each point enabling only its
    /// entry.</summary>
    public static string Config(string modelAndData, int batchSize, IReadOnlyList<BenchScenario> rows)
    {
        var faults = rows.Where(r => r.Entry is not null).ToList();
        var text = new System.Text.StringBuilder(modelAndData).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"[run]\nseed = 1\nbatch_size = {batchSize}\n\n[sweep]\nmode = \"zip\"\n");
        for (int i = 0; i < faults.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"s{i} = [{string.Join(", ", faults.Select((_, j) => j == i ? "1" : "0"))}]\n");
        for (int i = 0; i < faults.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"\n[[fault_inject]]\nname = \"s{i}\"\nenabled = \"$s{i}\"\n{faults[i].Entry}\n");
        foreach (var o in rows.Where(r => r.Observer is not null))
            text.Append(CultureInfo.InvariantCulture,
                $"\n[[observe]]\nmethod = \"{o.Observer}\"\n" +
                $"{o.Modules ?? $"module_type = {(o.Observer == "TopKChange" ? "[\"Linear\"]" : "[\"Conv2d\", \"Linear\"]")}"}\n");
        return text.ToString();
    }

    /// <summary>The rows with TopKChange (it needs [N, classes] outputs) on the Linear-like layers whose output is 2-D:
    /// unchanged when every one's is, without the row when none's is (a graph of sequence outputs, say).</summary>
    /// <param name="rows">Rows from <see cref="For"/>.</param>
    /// <param name="linear">The Linear (or Gemm/MatMul-with-weight) layers and whether each one's output is [N, classes].</param>
    public static IReadOnlyList<BenchScenario> WithTopK(IReadOnlyList<BenchScenario> rows, IReadOnlyList<(string Name, bool TwoD)> linear)
    {
        if (linear.All(l => l.TwoD)) return rows;
        var twoD = linear.Where(l => l.TwoD).Select(l => $"\"{l.Name}\"").ToList();
        return twoD.Count == 0
            ? [.. rows.Where(r => r.Observer != "TopKChange")]
            : [.. rows.Select(r => r.Observer == "TopKChange" ? r with { Modules = $"module_fullname = [{string.Join(", ", twoD)}]" } : r)];
    }

    private static string Single(string target, string layer) =>
        $"target = \"{target}\"\nmodule_fullname = \"{layer}\"\nselector = {{ method = \"RandomPositionByNumber\", n = 1 }}\n" +
        $"error_model = {{ method = \"FloatRandomBitFlip\" }}";

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Ber(double v) => v.ToString("0e0", CultureInfo.InvariantCulture);
}
