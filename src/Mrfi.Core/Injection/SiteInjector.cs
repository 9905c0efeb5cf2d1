using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Runs fault entries on the tensors of one module for its weight and activation parts: each draw from the site's
/// own stream, counted in the session's trial, a refusal turned into a located user error.</summary>
internal sealed class SiteInjector(FaultInjectionSession session, string name, IReadOnlyList<FaultEntry> entries) : IDisposable
{
    private readonly SiteStreams _streams = new(name, entries);

    /// <summary>The session the site belongs to.</summary>
    public FaultInjectionSession Session => session;

    /// <summary>The module's name.</summary>
    public string Name => name;

    /// <summary>Runs one entry on one tensor and counts its faults.</summary>
    public void Inject(Tensor tensor, FaultEntry entry, InjectionMode mode, string slot, string what, UndoLog? undo = null,
        Tensor? source = null) =>
        session.Count(Apply(tensor, entry, mode, slot, what, undo, source));

    /// <summary>Quantizes a tensor as a golden run does (per-sample weights, whose faults come after the forward).</summary>
    public void Quantize(Tensor tensor, FaultEntry entry, string slot, string what) =>
        Apply(tensor, entry, InjectionMode.Golden, slot, what);

    /// <summary>Runs one entry on one tensor; a component that rejects the tensor (a position outside its shape, a bit list of
    /// the wrong length) becomes a user error naming the entry, the module and <paramref name="what"/>.</summary>
    private long Apply(Tensor tensor, FaultEntry entry, InjectionMode mode, string slot, string what, UndoLog? undo = null,
        Tensor? source = null)
    {
        try
        {
            (string, string)? record = session.Options.RecordFaults ? (name, slot switch { "in" => "input", "out" => "output", _ => slot })
                : null;
            return TensorInjector.Apply(tensor, entry, mode, session, Stream(entry, slot), _streams.Permanent(entry, slot), record, undo,
                source);
        }
        catch (Exception e) when (LocatedError.Rejects(e))
        {
            throw LocatedError.Of(entry, e, $"fault entry '{entry.Name}' at module '{name}' ({what}, shape {LocatedError.Shape(tensor)})");
        }
    }

    /// <summary>Applies one entry's per-sample weight faults as a correction of <paramref name="output"/> and counts them.</summary>
    public void PerSample(PerSampleWeights faults, FaultEntry entry, Tensor input, Tensor output)
    {
        try
        {
            session.Count(faults.Apply(input, output, session, Stream(entry, "weight/sample"), session.Options.Batched));
        }
        catch (Exception e) when (LocatedError.Rejects(e))
        {
            throw LocatedError.Of(entry, e,
                $"fault entry '{entry.Name}' at module '{name}' (per-sample weight faults, input shape {LocatedError.Shape(input)})");
        }
    }

    /// <summary>Restarts the streams for the next trial.</summary>
    public void BeginTrial() => _streams.BeginTrial();

    private Generator Stream(FaultEntry entry, string slot) => _streams.Stream(entry, slot, session.TrialSeed);

    /// <inheritdoc />
    public void Dispose() => _streams.Dispose();
}
