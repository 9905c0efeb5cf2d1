#!/usr/bin/env bash
# Side by side: the Python MRFI (an unmodified checkout of github fffasttime/MRFI, not part of this repository) and
# mrfi run the same LeNet / Fashion-MNIST campaigns in one run on this machine, and the script prints
#   - the golden check: both tools' correct count on the 1000 images (must be equal),
#   - agreement: weight Symmetric-8 BER sweep 1e-6 … 1e-2 and activation float32 BER 1e-4, means, standard errors and z
#     (docs/components.md, "Agreement with the Python MRFI"),
#   - timing: seconds per 10,000 images, each tool against its own golden pass, and mrfi's speed-up, from rounds that
#     alternate the tools (docs/performance.md, "Side by side with the Python MRFI").
#
# Usage: scripts/compare-python-mrfi.sh /path/to/MRFI [--threads N] [--repeats N] [--rounds N] [--timing-trials N]
#                                       [--seed N] [--skip agreement|timing] [--json FILE]
# (options: /usr/bin/python3 scripts/compare_python_mrfi.py --help). Defaults take about four minutes on two cores.
#
# Installs Debian's python3-torch, python3-numpy, python3-scipy and python3-yaml when /usr/bin/python3 lacks them
# (MRFI imports all four; PyPI is not used) and builds mrfi in Release. Not run by CI, which has no MRFI checkout.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ $# -lt 1 || $1 == -* ]]; then
    echo "usage: $0 /path/to/MRFI [options]   (a checkout of github fffasttime/MRFI, e.g. git clone https://github.com/fffasttime/MRFI)" >&2
    exit 2
fi
checkout=$1
shift
if [[ ! -f $checkout/mrfi/mrfi.py ]]; then
    echo "error: $checkout is not a checkout of the Python MRFI (no mrfi/mrfi.py there); clone github fffasttime/MRFI and pass its folder" >&2
    exit 2
fi

# Debian's python3-torch is built for the system Python, so use it explicitly (a pyenv python3 on PATH lacks it).
python=/usr/bin/python3
if ! "$python" -c 'import torch, numpy, scipy, yaml' 2>/dev/null; then
    packages=(python3-torch python3-numpy python3-scipy python3-yaml)
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "installing Debian's ${packages[*]} (the Python MRFI needs them)"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "${packages[@]}" >/dev/null ||
        { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "${packages[@]}" >/dev/null; }
    "$python" -c 'import torch, numpy, scipy, yaml'
fi

echo "building mrfi (Release)"
if ! log=$(dotnet build "$repo/src/Mrfi.Tool" -c Release -nologo -v quiet 2>&1); then
    echo "$log" >&2
    exit 1
fi
dll=$(dotnet msbuild "$repo/src/Mrfi.Tool" -nologo -p:Configuration=Release -getProperty:TargetPath)
[[ -f $dll ]] || { echo "error: the build did not produce $dll" >&2; exit 1; }

exec "$python" "$repo/scripts/compare_python_mrfi.py" "$checkout" --mrfi "$dll" "$@"
