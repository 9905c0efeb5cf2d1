namespace Mrfi.Core.Injection;

/// <summary>How long a fault's positions (and the error model's random draws) last.</summary>
public enum SelectorScope
{
    /// <summary>Drawn anew in every forward (transient faults; MRFI's only behaviour).</summary>
    Forward,

    /// <summary>Drawn once per trial and reused for every forward of it (a permanent fault in one faulty chip).</summary>
    Trial,

    /// <summary>Drawn once per campaign from the campaign seed: the same positions in every trial.</summary>
    Campaign,
}
