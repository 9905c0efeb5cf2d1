using Mrfi.Core;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>An error model written in the config: <c>error_model = { code = "values => values.neg()" }</c>.</summary>
public sealed class InlineErrorModel : IErrorModel
{
    private readonly Func<Tensor, Generator, Tensor> _apply;
    private readonly SourceLocation _at;

    internal InlineErrorModel(Func<Tensor, Generator, Tensor> apply, SourceLocation at)
    {
        _apply = apply;
        _at = at;
    }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        try
        {
            using var watched = SnippetWatchdog.Enter(_at, "error model");
            return _apply(values, generator);
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw SnippetFailure.From(e, _at, "error model");
        }
    }
}
