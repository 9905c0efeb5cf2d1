namespace Mrfi.Tool.Tests.Cluster;

/// <summary>Stand-ins for sbatch and squeue, first on PATH while it lives: they record their arguments and answer
/// as Slurm does (sbatch --parsable prints a job id), so that what `submit` hands to Slurm can be checked on any machine.
/// The real thing is exercised by <see cref="SlurmClusterTests"/>.</summary>
internal sealed class FakeSlurm : IDisposable
{
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public FakeSlurm(bool onPath = true)
    {
        Folder = Repo.TempFolder("fake-slurm");
        Write("sbatch", """
            #!/bin/sh
            echo "$*" >> "$(dirname "$0")/sbatch.calls"
            [ -f "$(dirname "$0")/sbatch.fail" ] && { cat "$(dirname "$0")/sbatch.fail" >&2; exit 1; }
            echo $((4241 + $(wc -l < "$(dirname "$0")/sbatch.calls")))
            """);
        // squeue -j ID: the lines of squeue.out for that job and its array tasks.
        Write("squeue", """
            #!/bin/sh
            echo "$*" >> "$(dirname "$0")/squeue.calls"
            id=$(echo "$*" | sed -n 's/.*-j \([0-9]*\).*/\1/p')
            grep -E "^${id}[_ ]" "$(dirname "$0")/squeue.out" 2>/dev/null || true
            """);
        // Without onPath, PATH holds nothing at all (not even the real Slurm): the case of a machine without Slurm.
        Environment.SetEnvironmentVariable("PATH", onPath ? Folder + Path.PathSeparator + _path : Repo.TempFolder("empty-path"));
    }

    public string Folder { get; }

    /// <summary>The argument lines sbatch was called with, in order.</summary>
    public string[] SbatchCalls => Calls("sbatch");

    public string[] Calls(string command) =>
        File.Exists(Path.Combine(Folder, command + ".calls")) ? File.ReadAllLines(Path.Combine(Folder, command + ".calls")) : [];

    /// <summary>What squeue prints from now on ("id state" lines).</summary>
    public string Queue { set => File.WriteAllText(Path.Combine(Folder, "squeue.out"), value); }

    /// <summary>Makes sbatch fail with this message on stderr.</summary>
    public string SbatchError { set => File.WriteAllText(Path.Combine(Folder, "sbatch.fail"), value); }

    public void Dispose() => Environment.SetEnvironmentVariable("PATH", _path);

    private void Write(string name, string script)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
