namespace Mrfi.Tool.Import;

/// <summary>The Python MRFI's six EasyConfig presets (mrfi/easyconfig_presets.py), importable by name.</summary>
internal static class MrfiPresets
{
    private const string Modules = """
            module_name: [conv, fc]
            module_type: [Conv2d, Linear]
        """;

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["default_fi"] = Preset("activation", "SymmericQuantization", "bit_width: 16\n      dynamic_range: auto", "1e-3", "IntSignBitFlip",
            "bit_width: 16"),
        ["float_fi"] = Preset("activation", null, null, "1e-6", "FloatRandomBitFlip", "floattype: float32"),
        ["float_weight_fi"] = Preset("weight", null, null, "1e-3", "FloatRandomBitFlip", "floattype: float32"),
        ["fxp_fi"] = Preset("activation", "FixPointQuantization", "integer_bit: 3\n      decimal_bit: 12", "1e-3", "IntSignBitFlip",
            "bit_width: 16"),
        ["fxp_weight_fi"] = Preset("weight", "FixPointQuantization", "integer_bit: 3\n      decimal_bit: 13", "1e-6", "IntRandomBitFlip",
            "bit_width: 16"),
        ["weight_fi"] = Preset("weight", "SymmericQuantization", "bit_width: 16\n      dynamic_range: auto", "1e-3", "IntSignBitFlip",
            "bit_width: 16"),
    };

    private static string Preset(string type, string? quantizer, string? quantizerArgs, string rate, string errorMode, string errorArgs)
    {
        string name = type == "weight" ? "    name: [weight]\n" : "";
        string quantization = quantizer is null ? "" : $"    quantization:\n      method: {quantizer}\n      {quantizerArgs}\n";
        return $"faultinject:\n  - type: {type}\n{name}    enabled: True\n{quantization}    selector:\n" +
            $"      method: RandomPositionByRate\n      poisson: True\n      rate: {rate}\n    error_mode:\n" +
            $"      method: {errorMode}\n      {errorArgs}\n{Modules}";
    }
}
