namespace Mrfi;

/// <summary>A component that works on integers (or stores values) of a known width; the engine checks that a
/// fault entry's quantizer and error model agree on it and converts a BER per bit into a rate per value.</summary>
public interface IBitWidth
{
    /// <summary>Bits per value, sign included.</summary>
    int BitWidth { get; }
}
