namespace Mrfi.Core.Injection;

/// <summary>One row of faults.parquet: one value hit by a fault.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Batch">The batch (forward) within the trial.</param>
/// <param name="Layer">The module's qualified name.</param>
/// <param name="Tensor">"input", "output", or the parameter's name.</param>
/// <param name="Entry">The fault entry's name.</param>
/// <param name="Index">Flat (row-major) index in the tensor.</param>
/// <param name="Coordinates">The index as coordinates, comma-separated.</param>
/// <param name="Bits">XOR of the old and new bit patterns (quantized integer, else IEEE-754 pattern); 0 when not a bit change.</param>
/// <param name="Original">The value before the fault (after dequantization when quantized).</param>
/// <param name="Faulty">The value after the fault.</param>
/// <param name="OriginalInt">The quantized integer before the fault, when quantized.</param>
/// <param name="FaultyInt">The quantized integer after the fault, when quantized.</param>
/// <param name="Part">"element" (a value of the tensor, every row but MX scale faults) or "scale": an MX block's shared scale,
/// whose Index and Coordinates are then in the scale tensor (the block dimension divided by the block size), Bits the XOR
/// of its E8M0 codes, Original and Faulty the scales 2^(code−127), OriginalInt and FaultyInt the codes 0..255.</param>
public sealed record FaultRecord(long Trial, int Batch, string Layer, string Tensor, string Entry, long Index, string Coordinates,
    long Bits,
    double Original, double Faulty, long? OriginalInt, long? FaultyInt, string Part = "element");
