namespace Mrfi.Core.Injection;

/// <summary>A selector refused a tensor (a position outside it, a pixel of a tensor that has none): reported at the
/// selector's <c>method</c> key rather than at the entry.</summary>
internal sealed class SelectorException(string message, Exception inner) : ArgumentException(message, inner)
{
    /// <summary>The selector's positions for <paramref name="shape"/>, or null without a selector; a refusal becomes a <see cref="SelectorException"/>.</summary>
    public static TorchSharp.torch.Tensor? Select(FaultEntry entry, long[] shape, TorchSharp.torch.Generator generator)
    {
        try
        {
            return entry.Selector?.Select(shape, generator);
        }
        catch (ArgumentException e)
        {
            throw new SelectorException(e.Message, e);
        }
    }
}
