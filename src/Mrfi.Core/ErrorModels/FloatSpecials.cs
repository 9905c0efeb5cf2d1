namespace Mrfi.Core.ErrorModels;

/// <summary>Which special values a float format encodes, and so what an overflow or a NaN becomes when a value is stored.</summary>
internal enum FloatSpecials
{
    /// <summary>IEEE-754: the top exponent holds ±Inf (mantissa 0) and NaN (otherwise); overflow rounds to ±Inf.</summary>
    Ieee,

    /// <summary>OCP E4M3 ("fn": finite, NaN): no infinities, S.1111.111 is NaN; overflow and ±Inf saturate to ±max normal.</summary>
    FiniteNaN,

    /// <summary>OCP MX FP6/FP4: every pattern is a finite number; overflow and ±Inf saturate to ±max normal, NaN is stored as
    /// +0.</summary>
    Finite,
}
