#!/usr/bin/env bash
# Runs the examples whose README has an mrfi-expect block and compares every number the README quotes with the run
# (the block format is in examples/README.md). Exit code 0: all agree; 1: a number differs or a command failed.
#   scripts/check-examples.sh                 every example (several minutes on two cores)
#   scripts/check-examples.sh --quick         only the blocks marked quick (what CI runs)
#   scripts/check-examples.sh examples/exp2-error-propagation    only the READMEs under these folders
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Mrfi.Tool -c Release -v q -nologo > /dev/null
dotnet build plugins/Mrfi.Plugins.Sample -c Release -v q -nologo > /dev/null   # examples/plugin-systolic loads it
dotnet build scripts/CheckExamples -c Release -v q -nologo > /dev/null
exec dotnet scripts/CheckExamples/bin/Release/net10.0/linux-x64/CheckExamples.dll \
  --tool src/Mrfi.Tool/bin/Release/net10.0/linux-x64/dotnet-mrfi "$@"
