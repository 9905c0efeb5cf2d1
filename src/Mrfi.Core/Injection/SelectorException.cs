namespace Mrfi.Core.Injection;

/// <summary>A selector refused a tensor (a position outside it, a pixel of a tensor that has none): reported at the
/// selector's <c>method</c> key rather than at the entry.</summary>
internal sealed class SelectorException(string message, Exception inner) : ArgumentException(message, inner)
{
    /// <summary>Runs a selection; a refusal (an <see cref="ArgumentException"/>) becomes a <see cref="SelectorException"/>.</summary>
    public static T Guard<T>(Func<T> select)
    {
        try
        {
            return select();
        }
        catch (ArgumentException e) when (e is not SelectorException)
        {
            throw new SelectorException(e.Message, e);
        }
    }
}
