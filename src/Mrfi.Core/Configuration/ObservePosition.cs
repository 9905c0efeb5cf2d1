namespace Mrfi.Core.Configuration;

/// <summary>Which tensor of a module an observer watches.</summary>
public enum ObservePosition
{
    /// <summary>The module's input (after input faults).</summary>
    Pre,

    /// <summary>The module's output (after output faults).</summary>
    After,
}
