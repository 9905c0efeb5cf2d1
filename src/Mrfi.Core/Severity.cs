namespace Mrfi.Core;

/// <summary>How bad a <see cref="Diagnostic"/> is; printed in lower case (<c>error</c>, <c>warning</c>).</summary>
public enum Severity
{
    /// <summary>The command cannot go on: exit code 2.</summary>
    Error,

    /// <summary>Worth a look, but the command goes on.</summary>
    Warning,
}
