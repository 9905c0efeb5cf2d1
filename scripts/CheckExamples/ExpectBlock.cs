using System.Text.RegularExpressions;

namespace Mrfi.CheckExamples;

/// <summary>One <c>&lt;!-- mrfi-expect … --&gt;</c> block of an example README: the commands that produce the results (none:
/// the results of the README's previous block) and the numbers the README quotes from them.</summary>
internal sealed partial record ExpectBlock(string Readme, int Line, bool Quick, IReadOnlyList<string> Commands, IReadOnlyList<Expectation> Expectations)
{
    [GeneratedRegex(@"<!--\s*mrfi-expect\b(?<flags>[^\n]*)\n(?<body>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    /// <summary>The blocks of <paramref name="readme"/>, in order; a line that is neither a command, a comment nor an
    /// expectation is an error naming the file and line (a typo must not silently drop a check).</summary>
    public static IReadOnlyList<ExpectBlock> Parse(string readme, string text)
    {
        // A block shown inside a code fence (examples/README.md documents the format) is text, not a check; blanking
        // the fence keeps the line numbers.
        text = Fence().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
        var blocks = new List<ExpectBlock>();
        foreach (Match m in Block().Matches(text))
        {
            int first = text[..m.Groups["body"].Index].Count(c => c == '\n') + 1;
            string flags = m.Groups["flags"].Value.Trim();
            if (flags is not ("" or "quick")) throw new FormatException($"{readme}({first - 1}): mrfi-expect takes only the flag 'quick', not '{flags}'");
            var commands = new List<string>();
            var expectations = new List<Expectation>();
            var lines = m.Groups["body"].Value.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (line.StartsWith("$ ", StringComparison.Ordinal)) commands.Add(line[2..]);
                else expectations.Add(Expectation.Parse(line, $"{readme}({first + i})"));
            }
            // A block without commands reads the results of the block before it (a README quotes one run in several places).
            if (expectations.Count == 0 || (commands.Count == 0 && blocks.Count == 0))
                throw new FormatException($"{readme}({first - 1}): an mrfi-expect block needs one expectation or more, and '$ command' lines unless an earlier block of the README ran them");
            bool quick = commands.Count == 0 ? blocks[^1].Quick : flags == "quick";
            blocks.Add(new ExpectBlock(readme, first - 1, quick, commands, expectations));
        }
        return blocks;
    }
}
