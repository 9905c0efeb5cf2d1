// Experiment 6: layer-wise sensitivity — weight bit flips in one layer at a time of ResNet-18.
// dotnet mrfi script examples/exp6-layer-sensitivity/layers.csx [repeats] [layers]
// Saves results/layers with `layer` (the module's name) as a column; [layers] runs only the first N layers (for a
// quick check).
int repeats = Args.Length > 0 ? int.Parse(Args[0]) : 3;
var exp = Load("layers.toml");   // disposed when the script ends
var matched = exp.Entries().Single(e => e.Name == "weights").Modules;
// in the model's order, the classifier last (ResNet18 registers fc right after conv1)
var layers = exp.Layers.Where(matched.Contains).OrderBy(l => l == "fc").ToList();
if (Args.Length > 1) layers = [.. layers.Take(int.Parse(Args[1]))];
Print($"{"layer",3} {"module",-22} {"accuracy",9} {"golden",8} {"faults",7} {"rmse(fc)",9}");
for (int i = 0; i < layers.Count; i++)
{
    exp.Update("weights", e => e with { Modules = [layers[i]] });
    var r = exp.Run(repeats, tag: new() { ["layer"] = layers[i] });
    Print($"{i,3} {layers[i],-22} {r.Accuracy,9:P2} {r.GoldenAccuracy,8:P2} {r.Faults,7:F1} {r.Metric("fc", "rmse"),9:F4}");
}
Save("results/layers");
