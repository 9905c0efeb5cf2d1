using Mrfi.Core.Configuration;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Serilog;

namespace Mrfi.Core.Planning;

/// <summary>Checks that the components of one fault entry fit together.</summary>
internal static class EntryChecks
{
    /// <summary>An integer error model must work on integers as wide as the quantizer produces.</summary>
    public static void WidthsAgree(FaultEntrySection s, IQuantizer? quantizer, IErrorModel error)
    {
        if (error is FloatBitErrorModel || error is not IBitWidth e) return;
        string errorName = s.ErrorModel.String("method") ?? "error model";
        if (quantizer is null)
        {
            Log.Warning("Fault entry '{Entry}': {ErrorModel} flips bits of integers but the entry has no quantization, so float values " +
                "are truncated to integers first", s.Name, errorName);
            return;
        }
        if (quantizer is IBitWidth q && q.BitWidth != e.BitWidth)
        {
            string quantName = s.Quantization!.String("method") ?? "quantization";
            throw MrfiException.At(s.ErrorModel.LocationOf("bit_width"),
                $"fault entry '{s.Name}': {errorName} works on {e.BitWidth}-bit integers but {quantName} produces {q.BitWidth}-bit " +
                $"integers; make bit_width agree (FixPointQuantization needs integer_bit + decimal_bit + 1 bits)");
        }
    }

    /// <summary>Bits per value for a BER: the error model's width, else the quantizer's, else float32's 32.</summary>
    public static int BitsPerValue(IQuantizer? quantizer, IErrorModel error) =>
        error is IBitWidth e ? e.BitWidth : quantizer is IBitWidth q ? q.BitWidth : 32;

    /// <summary>Reads the selector's <c>scope</c> key: forward (default), trial or campaign.</summary>
    public static SelectorScope Scope(ConfigTable selector)
    {
        string text = selector.String("scope") ?? "forward";
        return text switch
        {
            "forward" => SelectorScope.Forward,
            "trial" or "repeat" => SelectorScope.Trial,
            "campaign" => SelectorScope.Campaign,
            _ => throw MrfiException.At(selector.LocationOf("scope"),
                $"{selector.Describe("scope")}: unknown scope '{text}'. {NameSuggester.Hint(text, ["forward", "trial", "campaign"])}"),
        };
    }
}
