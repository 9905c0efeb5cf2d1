// Experiment 1 (paper Fig. 2): accuracy against BER for seven number formats, weights and activations.
// dotnet mrfi script examples/exp1-formats-ber/formats.csx [repeats]
// Enables one fault entry of formats.toml at a time and runs every BER point of its [sweep]; saves one results
// folder per target (weights, activations), with `ber` and `format` (float32, float16, …) as columns.
int repeats = Args.Length > 0 ? int.Parse(Args[0]) : 3;
string[] formats = ["float32", "float16", "bfloat16", "fxp2.12", "fxp3.13", "int8", "int16"];
var exp = Load("formats.toml");   // disposed when the script ends
var bers = exp.Plan.Points.Select(p => p.Values["ber"]).ToList();
foreach (var (target, prefix) in new[] { ("weights", "w-"), ("activations", "a-") })
{
    int first = exp.Results.Count;
    Print($"{target}: {"format",-9} " + string.Join(" ", bers.Select(b => $"{b,8:0e0}")));
    for (int f = 0; f < formats.Length; f++)
    {
        string name = prefix + formats[f];
        exp.UpdateAll(e => e with { Enabled = e.Name == name });
        var accuracies = new List<string>();
        for (int p = 0; p < bers.Count; p++)
        {
            var r = exp.Run(repeats, point: p, tag: new() { ["ber"] = bers[p], ["format"] = formats[f] });
            accuracies.Add($"{r.Accuracy,8:P1}");
        }
        Print($"{"",9} {formats[f],-9} " + string.Join(" ", accuracies));
    }
    Save($"results/{target}", exp.Results.Skip(first));
}
