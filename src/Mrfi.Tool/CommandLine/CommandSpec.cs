namespace Mrfi.Tool.CommandLine;

/// <summary>One command's name, options and positional arguments.</summary>
internal sealed record CommandSpec(string Name, IReadOnlyList<OptionSpec> Options, IReadOnlyList<ArgumentSpec> Arguments)
{
    /// <summary>The option a token such as <c>--seed</c> or <c>-o</c> names, or null.</summary>
    public OptionSpec? Find(string token) => Options.FirstOrDefault(o => o.Spellings.Contains(token, StringComparer.Ordinal));

    /// <summary>Every spelling of every option, for "did you mean".</summary>
    public IEnumerable<string> Spellings => Options.SelectMany(o => o.Spellings);
}
