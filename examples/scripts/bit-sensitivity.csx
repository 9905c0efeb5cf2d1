// Per-bit sensitivity (MRFI's resnet18_qbit.py, on LeNet): flip one fixed bit of 8-bit weights, bit 0 (LSB) to 7 (sign).
// dotnet mrfi script examples/scripts/bit-sensitivity.csx
var exp = Load("base.toml");   // disposed when the script ends
Print($"{"bit",3} {"accuracy",9} {"changed",8}");
for (int bit = 0; bit < 8; bit++)
{
    exp.Update("weights", e => e with { ErrorModel = new IntFixedBitFlipErrorModel(8, [bit]) });
    var r = exp.Run(repeats: 2, tag: new() { ["bit"] = bit });
    Print($"{bit,3} {r.Accuracy,9:P2} {r.Changed,8:F1}");
}
Save("results/bit-sensitivity");
