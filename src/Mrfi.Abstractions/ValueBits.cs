namespace Mrfi;

/// <summary>Bits per value of the tensor a selector works on, injected by the engine (never read from the config):
/// the error model's width, else the quantizer's, else the float width. Selectors use it to turn a BER into a rate.</summary>
/// <param name="Bits">Bits per value; 0 when unknown.</param>
public readonly record struct ValueBits(int Bits);
