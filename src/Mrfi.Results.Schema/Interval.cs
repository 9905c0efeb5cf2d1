namespace Mrfi.Results.Schema;

/// <summary>The columns of a rate or accuracy with its confidence interval: <c>NAME</c>, <c>NAME_low</c>, <c>NAME_high</c>.</summary>
public static class Interval
{
    /// <summary>The lower bound's column of <paramref name="name"/>.</summary>
    public static string Low(string name) => name + "_low";

    /// <summary>The upper bound's column of <paramref name="name"/>.</summary>
    public static string High(string name) => name + "_high";

    /// <summary>The value's column (unless <paramref name="withValue"/> is false) and its bounds, all floats.</summary>
    public static IEnumerable<Column> Columns(string name, bool withValue = true) =>
        (withValue ? new[] { name } : []).Concat([Low(name), High(name)]).Select(n => new Column(n, ColumnKind.Float));
}
