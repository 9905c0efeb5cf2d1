namespace Mrfi.Tool.Commands;

/// <summary>Settings of the commands that take only a config path.</summary>
internal sealed class ConfigOnlySettings : ConfigSettings;
