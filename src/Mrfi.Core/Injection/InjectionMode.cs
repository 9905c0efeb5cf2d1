namespace Mrfi.Core.Injection;

/// <summary>What the hooks do in a forward.</summary>
public enum InjectionMode
{
    /// <summary>Nothing: the plain float model.</summary>
    Float,

    /// <summary>Quantization but no faults (MRFI's golden run).</summary>
    Golden,

    /// <summary>Quantization and faults.</summary>
    Faulty,
}
