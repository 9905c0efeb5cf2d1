// Experiment 5 (paper Fig. 11): Poisson count vs rounded count vs per-element Bernoulli selection at low BER.
// dotnet mrfi script examples/exp5-selection/selection.csx [repeats]
// Enables one entry of selection.toml at a time and runs every BER point of its [sweep]; saves results/selection with
// `ber` and `selector` (poisson, rounded, bernoulli: the entry names) as columns.
int repeats = Args.Length > 0 ? int.Parse(Args[0]) : 50;
string[] selectors = ["poisson", "rounded", "bernoulli"];
var exp = Load("selection.toml");   // disposed when the script ends
var bers = exp.Plan.Points.Select(p => p.Values["ber"]).ToList();
Print($"{"selector",-10} {"ber",6} {"accuracy",9} {"faults",7} {"changed",8}");
for (int s = 0; s < selectors.Length; s++)
{
    exp.UpdateAll(e => e with { Enabled = e.Name == selectors[s] });
    for (int p = 0; p < bers.Count; p++)
    {
        var r = exp.Run(repeats, point: p, tag: new() { ["ber"] = bers[p], ["selector"] = selectors[s] });
        Print($"{selectors[s],-10} {bers[p],6:0e0} {r.Accuracy,9:P2} {r.Faults,7:F2} {r.Changed,8:F1}");
    }
}
Save("results/selection");
