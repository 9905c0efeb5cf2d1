// Channel-wise sensitivity (MRFI's vgg11_channelwise.py, on LeNet): sign flips in one output channel of conv1 at a time,
// weight faults off; the error is measured as RMSE at the model's output.
// dotnet mrfi script examples/scripts/channel-sensitivity.csx
var exp = Load("base.toml");   // disposed when the script ends
exp.Update("weights", e => e with { Enabled = false });
Print($"{"channel",7} {"rmse(fc3)",10} {"accuracy",9}");
for (int channel = 0; channel < 6; channel++)
{
    exp.Update("conv1-out", e => e with { Enabled = true, Selector = new SelectedDimRandomPositionByNumberSelector(n: 50, channel: [channel]) });
    var r = exp.Run(repeats: 2, tag: new() { ["channel"] = channel });
    Print($"{channel,7} {r.Metric("fc3", "rmse"),10:F4} {r.Accuracy,9:P2}");
}
Save("results/channel-sensitivity");
