namespace Mrfi.Core.Configuration;

/// <summary>Collects every problem found in a config, so that `validate` and `run` report them all at once.</summary>
public sealed class Problems
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Problems so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Problems so far, each as the line the user sees: <c>file(line,col): error: …</c>.</summary>
    public IReadOnlyList<string> Messages => [.. _diagnostics.Select(d => d.ToString())];

    /// <summary>Whether any problem was found.</summary>
    public bool Any => _diagnostics.Count > 0;

    /// <summary>Runs <paramref name="check"/>; a user error it throws is recorded and the default is returned.</summary>
    public T? Try<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (MrfiException e)
        {
            Add(e);
            return default;
        }
    }

    /// <summary>Runs <paramref name="check"/>, recording a user error it throws; returns whether it succeeded.</summary>
    public bool Try(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (MrfiException e)
        {
            Add(e);
            return false;
        }
    }

    /// <summary>Records an error (an aggregated one contributes each of its problems); a problem already seen is skipped.</summary>
    public void Add(MrfiException e)
    {
        foreach (var d in e.Diagnostics) if (!_diagnostics.Contains(d)) _diagnostics.Add(d);
    }

    /// <summary>Throws one exception listing every problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (Any) throw MrfiException.Many([.. _diagnostics]);
    }
}
