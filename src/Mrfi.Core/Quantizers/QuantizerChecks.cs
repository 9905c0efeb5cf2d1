namespace Mrfi.Core.Quantizers;

/// <summary>Argument checks shared by the quantizers, with the config's key names in the messages.</summary>
internal static class QuantizerChecks
{
    /// <summary>Signed quantizers need 2 bits (one level each side of zero); an unsigned one works with 1 (0 and 1).</summary>
    public static void BitWidth(int bitWidth, int minimum = 2)
    {
        if (bitWidth < minimum || bitWidth > 32)
            throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, $"bit_width must be between {minimum} and 32");
    }

    public static void ScaleFactor(double scaleFactor)
    {
        if (!(scaleFactor > 0) || double.IsInfinity(scaleFactor))
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, "scale_factor must be a positive number");
    }
}
