using Mrfi.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>A selector written in the config: <c>selector = { code = "(shape, rng) => …" }</c>; it may return a tensor or a long[] of
/// flat indices.</summary>
public sealed class InlineSelector : ISelector
{
    private readonly Func<long[], Generator, Tensor> _select;
    private readonly SourceLocation _at;

    internal InlineSelector(Func<long[], Generator, Tensor> select, SourceLocation at)
    {
        _select = select;
        _at = at;
    }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        Tensor result;
        try
        {
            using var watched = SnippetWatchdog.Enter(_at, "selector");
            result = _select(shape, generator);
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw SnippetFailure.From(e, _at, "selector");
        }
        if (result.dtype == ScalarType.Int64 && result.device_type == DeviceType.CPU) return result.reshape(-1);
        using (result) return result.to(ScalarType.Int64, CPU).reshape(-1);
    }
}
