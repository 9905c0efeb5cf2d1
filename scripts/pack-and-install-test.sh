#!/usr/bin/env bash
# Packs the mrfi tool (linux-x64 only, to save time) and Mrfi.Build, installs the tool into a temporary --tool-path,
# and from another folder runs `dotnet mrfi --version`, the embedded example, `init` + `validate`, `submit --dry-run`, and the MSBuild
# gate example (once passing, once with a gate raised so that the build must fail on the config's line).
# Everything it makes lives in one temporary folder that is removed at the end. Last line: "pack-and-install-test: passed"
# (exit 0) or "pack-and-install-test: FAILED: <why>" (exit 1). CI (.ci/run) counts it as one test.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="$(mktemp -d "${TMPDIR:-/tmp}/mrfi-pack-XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
fail() { echo "pack-and-install-test: FAILED: $*"; exit 1; }
step() { echo "== [$((SECONDS - start)) s] $*"; }

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
feed="$work/feed" tools="$work/tools" elsewhere="$work/elsewhere"

step "pack mrfi $version (linux-x64) and Mrfi.Build"
dotnet pack "$repo/src/Mrfi.Tool" -c Release -o "$feed" -p:MrfiToolRuntimeIdentifiers=linux-x64 -v q -nologo \
  || fail "dotnet pack src/Mrfi.Tool"
dotnet pack "$repo/src/Mrfi.Build" -c Release -o "$feed" -v q -nologo || fail "dotnet pack src/Mrfi.Build"
[ -f "$feed/mrfi.$version.nupkg" ] || fail "no pointer package mrfi.$version.nupkg"
[ -f "$feed/mrfi.linux-x64.$version.nupkg" ] || fail "no RID package mrfi.linux-x64.$version.nupkg"

# One file of a package (a zip): unzip where installed, else Python's zipfile.
zipcat() {
  if command -v unzip > /dev/null; then unzip -p "$1" "$2"
  else python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; fi
}

step "pack the libraries and the template package"
for project in src/Mrfi.Abstractions src/Mrfi.Results.Schema src/Mrfi.Core templates/Mrfi.Templates.csproj; do
  dotnet pack "$repo/$project" -c Release -o "$feed" -v q -nologo || fail "dotnet pack $project"
done
for dependency in Mrfi.Abstractions Mrfi.Results.Schema; do
  zipcat "$feed/Mrfi.Core.$version.nupkg" Mrfi.Core.nuspec | grep -q "id=\"$dependency\" version=\"$version\"" \
    || fail "Mrfi.Core $version does not depend on $dependency $version"
done
# The schema package is what programs reading results may reference alone: it must depend on nothing.
zipcat "$feed/Mrfi.Results.Schema.$version.nupkg" Mrfi.Results.Schema.nuspec | grep -q "<dependency " \
  && fail "Mrfi.Results.Schema $version has dependencies"
zipcat "$feed/Mrfi.Templates.$version.nupkg" content/mrfi-plugin/.template.config/template.json | grep -q "\"defaultValue\": \"$version\"" \
  || fail "the template package does not default to Mrfi.Abstractions $version"
ls -l "$feed"
# The template package installs and instantiates (in a private hive, so the user's templates are untouched).
dotnet new install "$feed/Mrfi.Templates.$version.nupkg" --debug:custom-hive "$work/hive" > /dev/null || fail "dotnet new install Mrfi.Templates"
dotnet new mrfi-plugin -n MyFaults -o "$work/MyFaults" --debug:custom-hive "$work/hive" > /dev/null || fail "dotnet new mrfi-plugin"
grep -q "Include=\"Mrfi.Abstractions\" Version=\"$version\"" "$work/MyFaults/MyFaults.csproj" \
  || fail "dotnet new mrfi-plugin does not reference Mrfi.Abstractions $version"

step "install into a temporary --tool-path"
# Only the fresh feed as a source: a package of the same name elsewhere must not be picked instead.
printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>\n' "$feed" > "$work/nuget.config"
dotnet tool install mrfi --version "$version" --tool-path "$tools" --configfile "$work/nuget.config" || fail "dotnet tool install"
echo "installed size: $(du -sm "$tools" | cut -f1) MiB"
export PATH="$tools:$PATH"   # what `dotnet tool install -g` does with ~/.dotnet/tools: `dotnet mrfi` finds dotnet-mrfi

mkdir -p "$elsewhere" && cd "$elsewhere" || fail "mkdir"
step "dotnet mrfi --version (from $elsewhere)"
dotnet mrfi --version | tee version.txt || fail "dotnet mrfi --version exited with $?"
grep -q "^mrfi $version" version.txt || fail "--version does not name mrfi $version"
grep -q "^TorchSharp 0\." version.txt || fail "--version does not name TorchSharp"
grep -q "^libtorch [0-9]" version.txt || fail "--version does not name libtorch"
grep -q "^devices: cpu" version.txt || fail "--version does not list the devices"

step "dotnet mrfi run --example lenet-fmnist"
dotnet mrfi run --example lenet-fmnist --out example > example.log 2>&1 || { tail -n 20 example.log; fail "the embedded example exited with $?"; }
tail -n 8 example.log
[ -f example/points.parquet ] || fail "the embedded example wrote no points.parquet"
# The installed copy must load libtorch through mrfi's native fix, not TorchSharp's fallback that copies ~480 MB into cpu/.
if find "$tools/.store" -type d -name cpu | grep -q .; then fail "a cpu/ folder appeared next to the installed tool"; fi

step "dotnet mrfi init + validate in an empty folder"
dotnet mrfi init starter > /dev/null || fail "init exited with $?"
(cd starter && dotnet mrfi validate) || fail "the starter config does not validate"

step "dotnet mrfi submit --slurm --dry-run: the job scripts run the installed tool"
(cd starter && dotnet mrfi submit --slurm --shards 2 --out "$elsewhere/sharded" --dry-run) > submit.log 2>&1 || { cat submit.log; fail "submit --dry-run exited with $?"; }
grep -q "^exec [^ ]*/dotnet $tools/.store/.*/dotnet-mrfi.dll run $elsewhere/starter/mrfi.toml --out $elsewhere/sharded --shard" submit.log \
  || { grep "^exec" submit.log; fail "the shard script does not run the installed tool with absolute paths"; }

step "MSBuild: dotnet build -t:MrfiCheck on examples/gate"
cp -r "$repo/examples/gate" "$work/gate" && cp -r "$repo/examples/assets" "$work/assets" || fail "copy examples"
build() { dotnet build "$work/gate/LeNetModel.csproj" -t:MrfiCheck -nologo -p:RestoreSources="$feed" -p:RestorePackagesPath="$work/packages" "$@"; }
build > pass.log 2>&1 || { tail -n 30 pass.log; fail "MrfiCheck failed on the passing gate example"; }
grep -q "MrfiCheck: every gate in .* passed" pass.log || { tail -n 30 pass.log; fail "MrfiCheck did not report the passing gate"; }
line="$(grep -n '^accuracy_min = 0.80' "$work/gate/mrfi.toml" | cut -d: -f1)"
sed -i 's/^accuracy_min = 0.80/accuracy_min = 0.999/' "$work/gate/mrfi.toml"
if build > fail.log 2>&1; then tail -n 30 fail.log; fail "MrfiCheck passed although a gate cannot be met"; fi
grep -q "mrfi.toml($line,1): error : gate failed at ber = 0.0001: accuracy" fail.log \
  || { tail -n 30 fail.log; fail "the build error does not name mrfi.toml($line,1)"; }
grep "error :" fail.log | head -n 3

cd "$repo" || true
step "uninstall"
dotnet tool uninstall mrfi --tool-path "$tools" > /dev/null || fail "dotnet tool uninstall"
echo "pack-and-install-test: passed in $((SECONDS - start)) s"
