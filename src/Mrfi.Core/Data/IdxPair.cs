namespace Mrfi.Core.Data;

/// <summary>An IDX image file and its label file, each with the start of its error messages (the config key that names it).</summary>
internal sealed record IdxPair(string Images, DiagnosticSite ImagesSite, string Labels, DiagnosticSite LabelsSite);
