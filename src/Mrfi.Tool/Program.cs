namespace Mrfi.Tool;

/// <summary>Entry point of <c>dotnet mrfi</c>.</summary>
public static class Program
{
    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Main(string[] args) => MrfiApp.Create().Run(args);
}
