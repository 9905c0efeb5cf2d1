// Experiment 7: accuracy against BER in the weights for float32, FP8 E4M3, MXFP8, MXFP4 and INT4, with faults in the
// elements and (MX) in the shared scales; LeNet's Linear layers (mx.toml) or all of ResNet-18's (mx-resnet18.toml).
// dotnet mrfi script examples/exp7-mx-formats/mx.csx [repeats] [lenet|resnet18]
// Enables one fault entry of the model's config at a time and runs every BER point; saves one results folder
// (results/<model>) with `ber` and `format` (the entry's name) as columns, and prints each format's golden (fault-free,
// quantized) accuracy. It also saves the same trials in three panels (results/<model>-panels/…: float32 with FP8 and
// INT4, MXFP8 elements and scales, MXFP4 elements and scales), whose reports draw one readable figure each where the
// formats' golden accuracies differ too much for one figure's legend.
int repeats = Args.Length > 0 ? int.Parse(Args[0]) : 3;
string model = Args.Length > 1 ? Args[1] : "lenet";
string config = model switch
{
    "lenet" => "mx.toml",
    "resnet18" => "mx-resnet18.toml",
    _ => throw new ArgumentException($"unknown model '{model}': lenet or resnet18"),
};
string[] formats = ["float32", "fp8_e4m3", "mxfp8", "mxfp4", "int4", "mxfp8-scales", "mxfp4-scales"];
var exp = Load(config);   // disposed when the script ends
var byFormat = new Dictionary<string, List<ExperimentResult>>();
var bers = exp.Plan.Points.Select(p => p.Values["ber"]).ToList();
Print($"{"format",-13} {"golden",7} " + string.Join(" ", bers.Select(b => $"{b,8:0e0}")));
foreach (var format in formats)
{
    exp.UpdateAll(e => e with { Enabled = e.Name == format });
    var accuracies = new List<string>();
    byFormat[format] = [];
    double golden = double.NaN;
    for (int p = 0; p < bers.Count; p++)
    {
        var r = exp.Run(repeats, point: p, tag: new() { ["ber"] = bers[p], ["format"] = format });
        byFormat[format].Add(r);
        golden = r.GoldenAccuracy;
        accuracies.Add($"{r.Accuracy,8:P1}");
    }
    Print($"{format,-13} {golden,7:P1} " + string.Join(" ", accuracies));
}
Save($"results/{model}", exp.Results);
(string Panel, string[] Formats)[] panels = [("plain", ["float32", "fp8_e4m3", "int4"]), ("mxfp8", ["mxfp8", "mxfp8-scales"]), ("mxfp4", ["mxfp4", "mxfp4-scales"])];
foreach (var (panel, members) in panels)
    Save($"results/{model}-panels/{panel}", members.SelectMany(f => byFormat[f]));
