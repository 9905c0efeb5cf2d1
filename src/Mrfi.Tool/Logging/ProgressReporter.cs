using Mrfi.Core.Campaigns;
using Serilog;
using Spectre.Console;
using Mrfi.Core.Configuration;

namespace Mrfi.Tool.Logging;

/// <summary>Shows a live progress bar on interactive terminals and logs one line per trial everywhere.</summary>
internal sealed class ProgressReporter(IAnsiConsole console, ILogger log) : ICampaignProgress
{
    private readonly List<TrialRecord> _trials = [];
    private ProgressTask? _bar;

    /// <summary>Trials reported so far.</summary>
    public IReadOnlyList<TrialRecord> Trials => _trials;

    public T Run<T>(Func<ICampaignProgress, T> body)
    {
        if (!console.Profile.Capabilities.Interactive) return body(this);
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(ctx =>
            {
                _bar = ctx.AddTask("preparing", maxValue: 1);
                result = body(this);
                _bar.Description = "done";
            });
        return result;
    }

    public void Started(int trials)
    {
        log.Information("Running {Trials} trials", trials);
        if (_bar is null) return;
        _bar.MaxValue = Math.Max(trials, 1);
        _bar.Value = 0;
        _bar.Description = "trials";
    }

    public void Phase(string description)
    {
        log.Information("{Phase:l}", description);
        if (_bar is not null) _bar.Description = description;
    }

    public void TrialFinished(TrialRecord trial, int done, int total)
    {
        _trials.Add(trial);
        string sweep = SweepText.Format(trial.Sweep);
        if (trial.Classifies)
            log.Information("Trial {Done}/{Total} (point {Point}{Sweep:l}, repeat {Repeat}): accuracy {Accuracy:P2}, {Faults} faults, " +
                "{Changed} predictions changed, {Elapsed:F2} s",
                done, total, trial.Point, sweep, trial.Repeat, trial.Accuracy, trial.Faults, trial.Changed, trial.ElapsedSeconds);
        else
            log.Information("Trial {Done}/{Total} (point {Point}{Sweep:l}, repeat {Repeat}): {Sdc} SDC, {Due} DUE, {Changed} outputs " +
                "changed, RMSE {Rmse:G4}, {Faults} faults, {Elapsed:F2} s",
                done, total, trial.Point, sweep, trial.Repeat, trial.Sdc, trial.Due, trial.Changed, trial.Rmse, trial.Faults,
                trial.ElapsedSeconds);
        if (_bar is not null) { _bar.Description = $"trial {done}/{total}"; _bar.Value = done; }
    }
}
