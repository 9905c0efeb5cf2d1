namespace Mrfi.Tool.Commands;

/// <summary>Names a fresh results folder per run, so runs never overwrite each other.</summary>
internal static class ResultsFolder
{
    public static string NewUnder(string parent)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        string path = Path.Combine(parent, $"run-{stamp}");
        for (int i = 2; Directory.Exists(path); i++) path = Path.Combine(parent, $"run-{stamp}-{i}");
        return path;
    }
}
