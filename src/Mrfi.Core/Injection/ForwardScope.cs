namespace Mrfi.Core.Injection;

/// <summary>The forwards run as one <see cref="ForwardState"/> says; disposing puts back the session's state before.</summary>
public readonly struct ForwardScope : IDisposable
{
    private readonly FaultInjectionSession? _session;
    private readonly ForwardState _before;

    internal ForwardScope(FaultInjectionSession session, ForwardState before)
    {
        _session = session;
        _before = before;
    }

    /// <inheritdoc />
    public void Dispose() => _session?.Restore(_before);
}
