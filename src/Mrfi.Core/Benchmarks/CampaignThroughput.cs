namespace Mrfi.Core.Benchmarks;

/// <summary>How fast a whole campaign ran.</summary>
/// <param name="Config">The campaign's config file.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Images">Images evaluated by those trials.</param>
/// <param name="Seconds">Wall time of the trials (golden passes included, model loading excluded).</param>
/// <param name="GoldenImagesPerSecond">Images per second of the golden passes alone.</param>
/// <param name="TrialImagesPerSecond">Images per second of the trials alone (their wall time, golden passes excluded).</param>
public sealed record CampaignThroughput(string Config, int Trials, long Images, double Seconds, double GoldenImagesPerSecond,
    double TrialImagesPerSecond)
{
    /// <summary>Trials per second.</summary>
    public double TrialsPerSecond => Trials / Seconds;

    /// <summary>Images per second over all trials.</summary>
    public double ImagesPerSecond => Images / Seconds;
}
