namespace Mrfi.Report;

/// <summary>One figure the planner chose: what to draw and from which variables; <see cref="Notes"/> say what it averages over.</summary>
internal sealed record FigureSpec(FigureKind Kind, string File, string Title)
{
    /// <summary>The x axis (curves), category (bars, boxes) or grouping variable (observer bars).</summary>
    public Variable? X { get; init; }

    /// <summary>Second axis of a heat map (rows).</summary>
    public Variable? Y { get; init; }

    /// <summary>Variables whose value combinations get one curve or bar colour each.</summary>
    public IReadOnlyList<Variable> Series { get; init; } = [];

    public string? Observer { get; init; }

    public string? Metric { get; init; }

    /// <summary>Layer and position of the observer value a channel box plot shows.</summary>
    public string? Layer { get; init; }

    public string? Position { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Observer bars of a metric observed at one layer: one bar per value of <see cref="X"/> (too many values for
    /// colours), e.g. the RMSE at the classifier per faulty layer.</summary>
    public bool Across { get; init; }
}
