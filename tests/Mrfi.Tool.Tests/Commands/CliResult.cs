namespace Mrfi.Tool.Tests.Commands;

/// <summary>What one in-process <c>dotnet mrfi</c> call gave.</summary>
internal sealed record CliResult(int ExitCode, string Output);
