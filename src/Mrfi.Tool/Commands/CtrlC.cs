namespace Mrfi.Tool.Commands;

/// <summary>Turns the first Ctrl+C into a cancellation request (so finished trials get written); a second one ends the process.</summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source;

    public CtrlC(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancel;
    }

    public CancellationToken Token => _source.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return;
        e.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }
}
