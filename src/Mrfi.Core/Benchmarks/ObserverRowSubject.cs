using Mrfi.Core.Injection;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>One observer row, as a campaign runs observers: bound once, reset every round (a trial); golden-aware ones
/// replay the golden pass recorded once (or, past the cache limit, recorded again untimed every round), then the forward
/// and the observers' results are timed.</summary>
/// <param name="model">The model the observers are bound to.</param>
/// <param name="bindings">The row's observer on its layers, bound once.</param>
/// <param name="recorded">The golden pass recorded once; null when none is needed or it was too large to keep.</param>
/// <param name="images">One batch.</param>
public sealed class ObserverRowSubject(nn.Module<Tensor, Tensor> model, IReadOnlyList<ObserverBinding> bindings, GoldenCache? recorded,
    Tensor images) : IBenchSubject, IDisposable
{
    private FaultInjectionSession? _session;
    private GoldenCache? _own;
    private DisposeScope? _scope;

    /// <inheritdoc />
    public void Prepare(int round)
    {
        // The golden pass first, in a session of its own: this one's hooks must not see it as a faulty forward.
        _own = recorded is null ? InjectionBenchmark.Capture(bindings, model, images, long.MaxValue) : null;
        _session = new FaultInjectionSession(model, [], bindings);
        _session.BeginTrial(0);
        _scope = torch.NewDisposeScope();
    }

    /// <inheritdoc />
    public void Run()
    {
        (recorded ?? _own)?.Replay(0);
        model.call(images);
        foreach (var b in bindings) b.Observer.Result();
    }

    /// <inheritdoc />
    public void Finish(int round)
    {
        _scope?.Dispose();
        _session?.Dispose();
        _own?.Dispose();
        (_scope, _session, _own) = (null, null, null);
    }

    /// <summary>Releases a session and scope left open when a round did not reach <see cref="Finish"/>.</summary>
    public void Dispose() => Finish(-1);
}
