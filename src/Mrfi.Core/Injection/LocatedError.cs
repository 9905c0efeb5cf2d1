namespace Mrfi.Core.Injection;

/// <summary>The one place where a component's refusal during a forward (a position outside the tensor's shape, a bit list of
/// the wrong length, an observer given the wrong shape) becomes a user error at the config key it came from, naming the
/// entry or observer, the module and the tensor.</summary>
internal static class LocatedError
{
    /// <summary>Whether <paramref name="e"/> is a component rejecting its tensor (a user mistake), not a bug.</summary>
    public static bool Rejects(Exception e) => e is ArgumentException or InvalidOperationException;

    /// <summary>The user error for a refusal by fault entry <paramref name="entry"/>: a selector's points at the selector's
    /// key, anything else at the entry.</summary>
    public static MrfiException Of(FaultEntry entry, Exception e, string what) =>
        Of(e is SelectorException ? entry.SelectorLocation ?? entry.Location : entry.Location, e, what);

    /// <summary>The user error "<paramref name="what"/>: first line of the refusal", at <paramref name="at"/> when known.</summary>
    public static MrfiException Of(SourceLocation? at, Exception e, string what)
    {
        string message = $"{what}: {FirstLine(e.Message)}";
        return at is { } location ? MrfiException.At(location, message) : new MrfiException($"{message}", e);
    }

    /// <summary>A tensor's shape as the messages print it.</summary>
    public static string Shape(TorchSharp.torch.Tensor tensor) => $"[{string.Join(",", tensor.shape)}]";

    private static string FirstLine(string message) => message.Split(" (Parameter", 2)[0].Split('\n')[0];
}
