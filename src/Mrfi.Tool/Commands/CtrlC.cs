using System.Runtime.InteropServices;

namespace Mrfi.Tool.Commands;

/// <summary>Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation request, so finished trials get written and the run
/// says how to resume; a second one ends the process at once.</summary>
/// <remarks>SIGTERM matters on clusters: Kubernetes and Slurm send it before killing a pre-empted job.</remarks>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration? _term;

    public CtrlC(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancel;
        if (!OperatingSystem.IsWindows()) _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerm);
    }

    public CancellationToken Token => _source.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Request();

    private void OnTerm(PosixSignalContext context) => context.Cancel = Request();

    /// <summary>Cancels on the first signal and keeps the process alive to write its results; lets a second one end it.</summary>
    private bool Request()
    {
        if (_source.IsCancellationRequested) return false;
        _source.Cancel();
        return true;
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _term?.Dispose();
        _source.Dispose();
    }
}
