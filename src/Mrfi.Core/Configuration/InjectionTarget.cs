namespace Mrfi.Core.Configuration;

/// <summary>Where a fault entry injects.</summary>
public enum InjectionTarget
{
    /// <summary>The module's input activation.</summary>
    Activation,

    /// <summary>The module's output activation.</summary>
    ActivationOut,

    /// <summary>A named parameter of the module (transient per forward; restored after each forward).</summary>
    Weight,
}
