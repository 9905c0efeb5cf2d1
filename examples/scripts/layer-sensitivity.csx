// Layer-wise sensitivity (MRFI's lenet_layerwise.py): weight faults in one layer at a time.
// dotnet mrfi script examples/scripts/layer-sensitivity.csx [repeats]
int repeats = Args.Length > 0 ? int.Parse(Args[0]) : 3;
var exp = Load("base.toml");   // disposed when the script ends
var layers = exp.Entries().Single(e => e.Name == "weights").Modules.ToList();
Print($"{"layer",-6} {"accuracy",9} {"golden",8} {"changed",8} {"rmse(fc3)",10}");
foreach (var layer in layers)
{
    exp.Update("weights", e => e with { Modules = [layer] });
    var r = exp.Run(repeats, tag: new() { ["layer"] = layer });
    Print($"{layer,-6} {r.Accuracy,9:P2} {r.GoldenAccuracy,8:P2} {r.Changed,8:F1} {r.Metric("fc3", "rmse"),10:F4}");
}
Save("results/layer-sensitivity");
