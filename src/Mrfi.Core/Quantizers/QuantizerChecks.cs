namespace Mrfi.Core.Quantizers;

/// <summary>Argument checks shared by the quantizers, with the config's key names in the messages.</summary>
internal static class QuantizerChecks
{
    public static void BitWidth(int bitWidth)
    {
        if (bitWidth is < 2 or > 32) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 2 and 32");
    }

    public static void ScaleFactor(double scaleFactor)
    {
        if (!(scaleFactor > 0) || double.IsInfinity(scaleFactor)) throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, "scale_factor must be a positive number");
    }
}
