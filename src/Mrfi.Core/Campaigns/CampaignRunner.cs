using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using Mrfi.Core.Models;
using Mrfi.Core.Native;
using Mrfi.Core.Planning;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>Runs a <see cref="CampaignPlan"/>: a float pass, then for every sweep point a golden pass and its repeats.</summary>
/// <remarks>One trial = one pass over the data under one sweep point and repeat, with its own generator seeded
/// from the campaign seed and the trial number, so the same seed gives the same rows.</remarks>
public sealed class CampaignRunner
{
    private readonly ILogger _log;

    /// <summary>Creates a runner that logs to <paramref name="log"/>.</summary>
    public CampaignRunner(ILogger log)
    {
        _log = log;
    }

    /// <summary>Whether every injected fault is passed to the sink (faults.parquet).</summary>
    public bool RecordFaults { get; init; }

    /// <summary>Runs every trial, feeding <paramref name="sink"/>; returns the summary also given to the sink.</summary>
    public CampaignSummary Run(CampaignPlan plan, ICampaignSink sink, ICampaignProgress progress, long? seedOverride = null,
        CancellationToken cancellation = default) =>
        Run(plan, null, sink, progress, seedOverride, cancellation);

    /// <summary>Runs every trial on <paramref name="preloaded"/> data (loaded from the plan when null; the caller keeps ownership),
    /// with the campaign seed <paramref name="seedOverride"/> instead of [run] seed when given.</summary>
    public CampaignSummary Run(CampaignPlan plan, ImageDataset? preloaded, ICampaignSink sink, ICampaignProgress progress,
        long? seedOverride = null, CancellationToken cancellation = default)
    {
        var request = new RunRequest { Seed = seedOverride };
        return Run(plan with { Config = request.Apply(plan.Config) }, preloaded, sink, progress, request, cancellation);
    }

    /// <summary>Runs the trials that <paramref name="request"/> includes; a trial's results do not depend on which other trials
    /// run, so one trial can be replayed alone. The request's overrides are already in the plan's config
    /// (<see cref="RunRequest.Apply"/>, before planning), so the campaign seed is <c>[run] seed</c> of that config.</summary>
    public CampaignSummary Run(CampaignPlan plan, ImageDataset? preloaded, ICampaignSink sink, ICampaignProgress progress,
        RunRequest request, CancellationToken cancellation = default)
    {
        var config = plan.Config;
        if (request.Apply(config) != config)
            throw new InvalidOperationException(
                "the run request's overrides must be applied to the config before planning (RunRequest.Apply)");
        long seed = config.Run.Seed;
        Func<long, bool>? include = request.All ? null : request.Includes;
        var started = DateTime.UtcNow;
        if (config.Run.Threads > 0) torch.set_num_threads(config.Run.Threads);
        var device = ResolveDevice(config.Run);
        using var noGrad = torch.no_grad();
        var model = plan.Model;
        model.to(device);

        progress.Phase("loading data");
        using var owned = preloaded is null ? LoadData(plan) : null;
        var data = preloaded ?? owned!;
        var batches = data.Batches(config.Run.BatchSize)
            .Select(b => (Images: b.Images.to(device).DetachFromDisposeScope(), Labels: b.Labels.to(device).DetachFromDisposeScope()))
            .ToList();
        _log.Information("Data: {Samples} samples of shape [{Shape}] in {Batches} batches of {BatchSize}", data.Count,
            string.Join(",", data.ImageShape), batches.Count, config.Run.BatchSize);

        progress.Phase("float pass");
        IOutputComparison? comparison = null;   // decided by the first output ([model] output = "auto")
        // A model with several outputs packs them side by side; their sizes are known once it has run (the first batch).
        var (floatCorrect, _) = Evaluate(model, batches,
            o => comparison ??= OutputComparisons.Resolve(config.Model, o, data.HasLabels, PackedOutputs(model)));
        double floatAccuracy = comparison!.Classifies ? floatCorrect / (double)data.Count : double.NaN;
        if (comparison.Classifies) _log.Information("Float accuracy {Accuracy:P2}", floatAccuracy);
        else _log.Information("Outputs compared as a tensor with the golden outputs ([model] tolerance {Tolerance}); no accuracy",
            config.Model.Tolerance);

        int total = include is null ? plan.TrialCount : (int)Enumerable.Range(0, plan.TrialCount).Count(t => include(t));
        var lanes = new List<TrialLane> { new(model, batches, owned: false) };
        for (int w = 1; w < Workers(plan); w++) lanes.Add(TrialLane.Replica(plan, batches, device));
        if (lanes.Count > 1)
            _log.Information("Workers: {Workers} model replicas, {Threads} intra-op thread(s) each", lanes.Count,
                Math.Max(1, torch.get_num_threads() / lanes.Count));
        progress.Started(total);
        var run = new RunContext
        {
            Plan = plan, Request = request, Lanes = lanes, Sink = sink, Progress = progress, Comparison = comparison,
            FloatAccuracy = floatAccuracy,
            Samples = data.Count, Total = total, RecordFaults = RecordFaults, Log = _log, Cancellation = cancellation,
        };
        bool interrupted = false;
        try
        {
            var points = new PointRun(run);
            foreach (var point in plan.Points)
            {
                var repeats = Enumerable.Range(0, plan.Repeats).Where(r => include?.Invoke((long)point.Index * plan.Repeats + r) ?? true)
                    .ToHashSet();
                if (repeats.Count > 0) points.Run(point, repeats);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Keep what finished: the sink still writes the completed trials, marked as interrupted.
            interrupted = true;
            _log.Warning("Cancelled after {Done} of {Total} trials; writing the finished trials", run.Done, plan.TrialCount);
        }
        finally
        {
            foreach (var lane in lanes) lane.Dispose();
        }
        foreach (var (images, labels) in batches) { images.Dispose(); labels.Dispose(); }
        model.to(CPU);

        var summary = new CampaignSummary(config.Path, config.Text, seed, plan.ModelName, config.Model.Weights,
            DatasetLoader.Files(config.Data),
            plan.SweepNames, run.Done, data.Count, floatAccuracy, config.Run.Device, torch.get_num_threads(), started, DateTime.UtcNow,
            interrupted)
        {
            GoldenSecondsPerPass = run.Timing.GoldenSecondsPerPass,
            GoldenSecondsByPoint = run.Timing.GoldenSecondsByPoint,
            SecondsPerTrial = run.Timing.SecondsPerTrial,
            EarlyExitBatches = run.Timing.EarlyExits,
            ClassNames = DatasetLoader.ClassNames(config.Data),
            ClassOrder = config.Data.Classes is not null ? "[data] classes" : config.Data.Folder is not null ? "folder names, alphabetical"
                : null,
            SweepKinds = SweepKinds.Of(config),
            OutputNames = (model as IModelOutputs)?.OutputNames,
        };
        sink.Complete(summary);
        return summary;
    }

    /// <summary>How many model replicas run trials: [run] workers, or for 0 a choice by model size (replicas pay off where
    /// intra-op threading scales poorly: small models); one when the plan cannot replicate its model or stops points early.</summary>
    private int Workers(CampaignPlan plan)
    {
        int asked = plan.Config.Run.Workers;
        if (asked == 1 || plan.Replica is null) return 1;
        if (plan.Config.Campaign.Sequential)
        {
            _log.Information("[campaign] sequential decides after each repeat whether to stop, so trials run on one worker");
            return 1;
        }
        if (asked > 1) return Math.Min(asked, plan.Repeats);
        long parameters = plan.Model.parameters().Sum(p => p.numel());
        // [run] threads (a cluster task's CPU count) bounds the replicas as well as the threads.
        int cpus = plan.Config.Run.Threads > 0 ? plan.Config.Run.Threads : Environment.ProcessorCount;
        return parameters <= AutoWorkersMaxParameters ? Math.Clamp(Math.Min(cpus, plan.Repeats), 1, 4) : 1;
    }

    /// <summary>Largest model (in parameters) that <c>workers = 0</c> runs on several replicas.</summary>
    public const long AutoWorkersMaxParameters = 2_000_000;

    /// <summary>Correct predictions, scored as <paramref name="score"/> says for each output, and per batch the outputs when
    /// <paramref name="keepOutputs"/>.</summary>
    internal static (long Correct, List<Tensor> Outputs) Evaluate(nn.Module<Tensor, Tensor> model,
        IReadOnlyList<(Tensor Images, Tensor Labels)> batches, Func<Tensor, IOutputComparison> score, bool keepOutputs = false,
        Action? beforeBatch = null)
    {
        long correct = 0;
        var outputs = new List<Tensor>();
        foreach (var (images, labels) in batches)
        {
            beforeBatch?.Invoke();
            using var scope = torch.NewDisposeScope();
            var output = model.call(images);
            correct += score(output).Correct(output, labels);
            if (keepOutputs) outputs.Add(output.DetachFromDisposeScope());
        }
        return (correct, outputs);
    }

    /// <summary>The names and per-sample sizes of a model's packed outputs; null when it returns one output as it is.</summary>
    private static IReadOnlyList<(string Name, long Size)>? PackedOutputs(nn.Module<Tensor, Tensor> model) =>
        model is IModelOutputs { PackedSizes: { } sizes } named ? [.. named.OutputNames.Zip(sizes)] : null;

    /// <summary>Loads the plan's data and checks it fits the model.</summary>
    public static ImageDataset LoadData(CampaignPlan plan)
    {
        var d = plan.Config.Data;
        var data = plan.Dataset is { } factory ? DatasetLoader.FromPlugin(factory(), d.Format, d.Limit)
            : DatasetLoader.Load(d, plan.Config.Run.Seed, (plan.Model as IPackedInputs)?.PackedInputs);
        if (!data.ImageShape.SequenceEqual(plan.InputShape))
        {
            string got = string.Join(",", data.ImageShape);
            data.Dispose();
            throw MrfiException.At(d.Location,
                $"model {plan.ModelName} expects images of shape [{string.Join(",", plan.InputShape)}] but [data] holds images of shape " +
                $"[{got}]; set the model's in_channels / image_size to match the data (an ONNX model: data of its input size, or a " +
                $"re-export)");
        }
        try { InputTypeCheck.Check(plan, data); }
        catch { data.Dispose(); throw; }
        return data;
    }

    /// <summary>The Torch device for [run] device: "auto" takes the first GPU when the CUDA backend finds one, else the CPU.</summary>
    public static Device ResolveDevice(RunSection run)
    {
        string name = run.Device;
        if (name == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (name.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw MrfiException.At(run.DeviceLocation,
                    $"[run] device = \"{name}\" but CUDA is not available: {CudaAbsence}; use device = \"cpu\" or \"auto\"");
            int index = name.Length > 5 ? int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (index >= torch.cuda.device_count())
                throw MrfiException.At(run.DeviceLocation,
                    $"[run] device = \"{name}\" but this machine has {torch.cuda.device_count()} CUDA device(s), numbered from 0");
        }
        return torch.device(name);
    }

    /// <summary>Why CUDA is missing: the build's backend, or the machine.</summary>
    private static string CudaAbsence => BackendInfo.IsCudaBuild
        ? "this build uses TorchSharp's CUDA backend, but no CUDA device or driver was found"
        : "this build uses the CPU backend (TorchSharp-cpu); build mrfi with -p:MrfiBackend=cuda on a machine with an NVIDIA GPU";
}
