#!/usr/bin/python3
"""Runs the same LeNet / Fashion-MNIST campaigns in the Python MRFI and in mrfi, side by side.

Started by scripts/compare-python-mrfi.sh, which installs Debian's python3-torch and builds mrfi; see
docs/performance.md ("Side by side with the Python MRFI") and docs/components.md ("Agreement with the Python MRFI").

The Python MRFI is used unmodified from a checkout given on the command line (imported via sys.path, as its own
tests do). This file holds only our side: the LeNet that mrfi has built in, readers for the safetensors weights and
the IDX images that mrfi reads, and one description per campaign from which both tools' configs are written, so
that the two runs are the same experiment.

Phases, each printed as a table:
  1. golden check: the float model's correct count on the 1000 images in both tools, which must be equal (same
     model, weights and preprocessing), and the 8-bit quantized golden count;
  2. agreement: weight Symmetric-8 BER sweep and activation float32 BER 1e-4, repeats per point in both tools,
     per point the means, standard errors and z = (mean_mrfi - mean_MRFI) / sqrt(se_mrfi^2 + se_MRFI^2);
  3. timing: rounds that alternate the tools (A, B, B, A, ...), per campaign the golden pass and the faulty trials
     timed inside each tool, medians over rounds, and ratios taken within a round.
"""

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(REPO, "examples", "assets")
WEIGHTS = os.path.join(ASSETS, "lenet_fmnist.safetensors")
IMAGES = os.path.join(ASSETS, "fmnist_test1000-images-idx3-ubyte")
LABELS = os.path.join(ASSETS, "fmnist_test1000-labels-idx1-ubyte")
REFERENCE = os.path.join(ASSETS, "lenet_fmnist_reference.json")   # the trained model's PyTorch logits
BATCH = 100


# ---------------------------------------------------------------------------------------------------------------
# Model, weights, data: what mrfi's LeNet (src/Mrfi.Core/Models/LeNet.cs) and idx loader (src/Mrfi.Core/Data) do.

class LeNet(nn.Module):
    """mrfi's built-in LeNet at in_channels = 1, image_size = 28: conv1 has padding (32 - 28) / 2 = 2."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def read_safetensors(path: str) -> Dict[str, torch.Tensor]:
    """safetensors: 8-byte little-endian header length, a JSON header, then raw little-endian tensors."""
    with open(path, "rb") as f:
        blob = f.read()
    length = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + length])
    base = 8 + length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise SystemExit(f"error: {path}: tensor {name} is {info['dtype']}; this reader knows F32 only")
        start, end = info["data_offsets"]
        array = np.frombuffer(blob, dtype="<f4", count=(end - start) // 4, offset=base + start)
        tensors[name] = torch.from_numpy(array.reshape(info["shape"]).copy())
    return tensors


def read_idx(path: str) -> np.ndarray:
    """IDX (MNIST format) with unsigned bytes: magic 00 00 08 N, N big-endian dimensions, data."""
    with open(path, "rb") as f:
        blob = f.read()
    if blob[:3] != b"\x00\x00\x08":
        raise SystemExit(f"error: {path}: not an unsigned-byte IDX file")
    dims = [int.from_bytes(blob[4 + 4 * i:8 + 4 * i], "big") for i in range(blob[3])]
    return np.frombuffer(blob, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def load_model() -> LeNet:
    model = LeNet()
    model.load_state_dict(read_safetensors(WEIGHTS))
    return model.eval()


def load_batches() -> List[Tuple[torch.Tensor, torch.Tensor]]:
    """Pixels as x / 255 in float32 ([data] mean 0, std 1), batches of 100 in file order, as mrfi's idx loader."""
    images = torch.from_numpy(read_idx(IMAGES).copy()).to(torch.float32).div_(255.0).unsqueeze(1)
    labels = torch.from_numpy(read_idx(LABELS).copy()).to(torch.int64)
    return [(images[i:i + BATCH], labels[i:i + BATCH]) for i in range(0, len(labels), BATCH)]


# ---------------------------------------------------------------------------------------------------------------
# Campaigns: one description, written out as the Python MRFI's EasyConfig and as mrfi's TOML.

@dataclass(frozen=True)
class Campaign:
    key: str
    title: str
    target: str                 # "weight" or "activation" (the inputs of the matched layers, MRFI's 'activation')
    error: str                  # "int8": Symmetric 8-bit, auto range, layer-wise + IntRandomBitFlip; "float32": FloatRandomBitFlip
    ber: Optional[float]        # bit error rate; None: one fault per forward (RandomPositionByNumber n = 1)
    layer: Optional[str] = None  # one layer by full name; None: every Conv2d and Linear

    @property
    def bits(self) -> int:
        return 8 if self.error == "int8" else 32


WEIGHT_SYM8 = Campaign("weight-sym8", "weights, BER 1e-4, Symmetric 8-bit", "weight", "int8", 1e-4)
ACT_FLOAT32 = Campaign("act-float32", "activations, BER 1e-4, float32", "activation", "float32", 1e-4)
ONE_FAULT = Campaign("one-fault", "1 fault (float32 bit flip, conv2 input)", "activation", "float32", None, "conv2")
SWEEP_BERS = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]


def easyconfig(c: Campaign, ber: Optional[float], selector: str = "RandomPositionByRate") -> dict:
    """The Python MRFI's EasyConfig as a dict (MRFI mutates it, so build a new one per MRFI object)."""
    fi = {"type": "weight" if c.target == "weight" else "activation"}
    if c.layer:
        fi["module_fullname"] = c.layer
    else:
        fi["module_type"] = ["Conv2d", "Linear"]
    if c.error == "int8":
        fi["quantization"] = {"method": "SymmericQuantization", "bit_width": 8, "dynamic_range": "auto"}
        fi["error_mode"] = {"method": "IntRandomBitFlip", "bit_width": 8}
    else:
        fi["error_mode"] = {"method": "FloatRandomBitFlip", "floattype": "float32"}
    # MRFI's rate is per value: one bit of each hit value flips, so rate = BER x bits per value.
    fi["selector"] = ({"method": "RandomPositionByNumber", "n": 1} if ber is None
                      else {"method": selector, "rate": ber * c.bits, "poisson": True})
    return {"faultinject": [fi]}


def mrfi_toml(c: Campaign, bers: List[Optional[float]], repeats: int, threads: int, compat: Set[str]) -> str:
    """mrfi's config for the same experiment; mrfi's ber is per bit and becomes rate = ber x bits itself. Components
    named in `compat` get mrfi_compat = true (mrfi's switch to MRFI's numbers where its defaults differ)."""
    layers = f'module_fullname = "{c.layer}"' if c.layer else 'module_type = ["Conv2d", "Linear"]'
    # One sweep point per entry of bers; the same value may repeat (the timing phase runs several golden passes so).
    if c.ber is None:
        stages = [("selector", "RandomPositionByNumber", 'n = "$n"')]
        sweep = f"n = [{', '.join('1' for _ in bers)}]\n"
    else:
        stages = [("selector", "RandomPositionByRate", 'ber = "$ber"')]
        sweep = f"ber = [{', '.join(repr(b) for b in bers)}]\n"
    if c.error == "int8":
        stages += [("quantization", "SymmetricQuantization", 'bit_width = 8, dynamic_range = "auto"'),
                   ("error_model", "IntRandomBitFlip", "bit_width = 8")]
    else:
        stages += [("error_model", "FloatRandomBitFlip", 'floattype = "float32"')]
    compat_key = ", mrfi_compat = true"
    components = "\n".join(f'{key} = {{ method = "{method}", {args}{compat_key if method in compat else ""} }}'
                           for key, method, args in stages)
    return f"""# written by scripts/compare_python_mrfi.py: {c.title}
[model]
architecture = "LeNet"
in_channels = 1
image_size = 28
weights = {json.dumps(WEIGHTS)}

[data]
format = "idx"
images = {json.dumps(IMAGES)}
labels = {json.dumps(LABELS)}

[run]
batch_size = {BATCH}
threads = {threads}
workers = 1               # one model, as in the Python MRFI
fault_records = false     # MRFI records no faults either

[sweep]
{sweep}repeats = {repeats}

[[fault_inject]]
target = "{c.target}"
{layers}
{components}
"""


# ---------------------------------------------------------------------------------------------------------------
# The two tools.

@dataclass
class Result:
    """One campaign point in one tool: golden and faulty correct counts, seconds per pass over the 1000 images."""
    golden_correct: int
    golden_seconds: float
    correct: List[int]
    seconds: List[float]
    float_correct: int
    faults: List[int]           # distinct values hit per trial (empty where not counted)


class PythonMrfi:
    def __init__(self, checkout: str, batches):
        sys.path.insert(0, os.path.abspath(checkout))
        import mrfi                         # the checkout is known only now
        from mrfi.selector import RandomPositionByRate
        self.MRFI, self.EasyConfig = mrfi.MRFI, mrfi.EasyConfig
        self.batches = batches
        self.faults = 0

        def counted(shape, **args):
            """MRFI's own selector, unchanged; counts the distinct positions (a position drawn twice is hit once)."""
            index = RandomPositionByRate(shape, **args)
            self.faults += int(torch.unique(torch.as_tensor(index, dtype=torch.int64)).numel())
            return index
        # Registered under a name of its own through MRFI's public add_function; used in the agreement phase only.
        mrfi.add_function("CountedRandomPositionByRate", counted)

    def evaluate(self, model) -> int:
        correct = 0
        with torch.no_grad():
            for images, labels in self.batches:
                # MRFI injects activation faults in place, at conv1 into the caller's tensor: give it a copy.
                correct += int((model(images.clone()).argmax(1) == labels).sum().item())
        return correct

    def run(self, c: Campaign, ber: Optional[float], repeats: int, seed: int, count: bool = False) -> Result:
        model = load_model()
        float_correct = self.evaluate(model)      # also warms up, as mrfi's float pass does
        selector = "CountedRandomPositionByRate" if count else "RandomPositionByRate"
        fi_model = self.MRFI(model, self.EasyConfig(easyconfig(c, ber, selector)))
        start = time.perf_counter()
        with fi_model.golden_run():
            golden = self.evaluate(fi_model)
        golden_seconds = time.perf_counter() - start
        correct, seconds, faults = [], [], []
        for r in range(repeats):
            # MRFI has no seed API: counts come from numpy (scipy's Poisson), positions and bits from torch.
            torch.manual_seed(seed * 1000 + r)
            np.random.seed((seed * 1000 + r) % 2**32)
            self.faults = 0
            start = time.perf_counter()
            correct.append(self.evaluate(fi_model))
            seconds.append(time.perf_counter() - start)
            faults.append(self.faults)
        return Result(golden, golden_seconds, correct, seconds, float_correct, faults if count else [])


class Mrfi:
    USED = {"RandomPositionByRate", "RandomPositionByNumber", "SymmetricQuantization", "IntRandomBitFlip",
            "FloatRandomBitFlip"}

    def __init__(self, program: str, work: str, threads: int):
        self.command = ["dotnet", program] if program.endswith(".dll") else [program]
        self.work, self.threads = work, threads
        self.runs = 0
        self.early_exit_share = 0.0     # of the last run's faulty batches, those that stopped early ([run] early_exit)
        # Which of the components used here have an mrfi_compat switch, from mrfi's own component list (none did when
        # this was written; a later mrfi may add one where a default moves away from MRFI's numbers).
        listing = subprocess.run(self.command + ["list", "--markdown"], stdout=subprocess.PIPE, text=True,
                                 check=True).stdout
        self.compat = {name for name in self.USED for row in listing.splitlines()
                       if row.startswith(f"| `{name}`") and "`mrfi_compat" in row}

    def run(self, c: Campaign, bers: List[Optional[float]], repeats: int, seed: int) -> List[Result]:
        """One process, one sweep point per entry of bers (a golden pass, then the trials), read from `run --json`."""
        self.runs += 1
        folder = os.path.join(self.work, f"mrfi-{self.runs:03d}-{c.key}")
        os.makedirs(folder)
        config = os.path.join(folder, "campaign.toml")
        with open(config, "w") as f:
            f.write(mrfi_toml(c, bers, repeats, self.threads, self.compat))
        summary = os.path.join(folder, "run.json")
        args = self.command + ["run", config, "--out", os.path.join(folder, "results"), "--seed", str(seed),
                               "--json", summary]
        done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            sys.stdout.write(done.stdout)
            raise SystemExit(f"error: mrfi failed (exit code {done.returncode}): {' '.join(args)}")
        with open(summary) as f:
            s = json.load(f)
        samples = s["samples_per_trial"]
        self.early_exit_share = s["early_exit_batches"] / (len(s["trials"]) * math.ceil(samples / BATCH))
        golden_seconds = {p["point"]: p["golden_seconds"] for p in s["points"]}
        results = []
        for point in range(len(bers)):
            trials = [t for t in s["trials"] if t["point"] == point]
            results.append(Result(round(trials[0]["golden_accuracy"] * samples), golden_seconds[point],
                                  [t["correct"] for t in trials], [t["elapsed_s"] for t in trials],
                                  round(s["float_accuracy"] * samples), [t["faults"] for t in trials]))
        return results


# ---------------------------------------------------------------------------------------------------------------
# Statistics and tables.

def mean_se(values: List[float]) -> Tuple[float, float]:
    m = statistics.fmean(values)
    return m, (statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else float("nan"))


def z_score(m1, se1, m2, se2) -> float:
    combined = math.sqrt(se1 ** 2 + se2 ** 2)
    if combined == 0:
        return 0.0 if m1 == m2 else math.copysign(math.inf, m1 - m2)
    return (m1 - m2) / combined


def table(header: List[str], rows: List[List[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def golden_check(py: PythonMrfi, mrfi: Mrfi, seed: int) -> str:
    # Our Python LeNet against the logits that PyTorch gave when the model was trained and exported.
    with open(REFERENCE) as f:
        expected = torch.tensor(json.load(f)["logits of test images 0,1,2"])
    with torch.no_grad():
        logits = load_model()(py.batches[0][0][:3])
    drift = float((logits - expected).abs().max())
    if drift > 1e-4:
        raise SystemExit(f"error: the Python LeNet's logits differ from {REFERENCE} by up to {drift:g}")
    p = py.run(WEIGHT_SYM8, 1e-4, 0, seed)
    m = mrfi.run(WEIGHT_SYM8, [1e-4], 1, seed)[0]
    rows = [["float model (no quantization, no faults)", f"{p.float_correct} / 1000", f"{m.float_correct} / 1000",
             "equal" if p.float_correct == m.float_correct else "DIFFERENT"],
            ["8-bit golden (weights Symmetric-8, auto range, no faults)", f"{p.golden_correct} / 1000",
             f"{m.golden_correct} / 1000", "equal" if p.golden_correct == m.golden_correct else "DIFFERENT"]]
    text = table(["golden", "Python MRFI", "mrfi", ""], rows)
    text += f"\n\nThe Python LeNet's logits of test images 0-2 match the exported PyTorch model's to {drift:.1e}."
    if p.float_correct != m.float_correct:
        print(text)
        raise SystemExit("error: the float models disagree: model, weights or preprocessing differ, "
                         "so nothing else is comparable")
    return text


def agreement(py: PythonMrfi, mrfi: Mrfi, repeats: int, seed: int) -> Tuple[str, list]:
    rows, records = [], []
    for k, (c, bers) in enumerate([(WEIGHT_SYM8, SWEEP_BERS), (ACT_FLOAT32, [1e-4])]):
        theirs = mrfi.run(c, bers, repeats, seed)
        for i, ber in enumerate(bers):
            p = py.run(c, ber, repeats, seed * 100 + 10 * k + i, count=True)
            m = theirs[i]
            pm, pse = mean_se([x / 1000 for x in p.correct])
            mm, mse = mean_se([x / 1000 for x in m.correct])
            z = z_score(mm, mse, pm, pse)
            records.append({"campaign": c.key, "ber": ber, "repeats": repeats, "python_mean": pm, "python_se": pse,
                            "mrfi_mean": mm, "mrfi_se": mse, "z": z,
                            "python_golden": p.golden_correct, "mrfi_golden": m.golden_correct,
                            "python_faults": statistics.fmean(p.faults), "mrfi_faults": statistics.fmean(m.faults)})
            rows.append([("weights, Symmetric-8" if c.error == "int8" else "activations, float32"), f"{ber:g}",
                         f"{p.golden_correct / 1000:.3f} / {m.golden_correct / 1000:.3f}",
                         f"{statistics.fmean(p.faults):.1f} / {statistics.fmean(m.faults):.1f}",
                         f"{pm:.4f} ± {pse:.4f}", f"{mm:.4f} ± {mse:.4f}", f"{mm - pm:+.4f}", f"{z:+.2f}"])
    header = ["campaign", "BER", "golden (MRFI / mrfi)", "faults / trial (MRFI / mrfi)",
              f"Python MRFI mean ± se ({repeats})", f"mrfi mean ± se ({repeats})", "difference", "z"]
    return table(header, rows), records


def timing(py: PythonMrfi, mrfi: Mrfi, rounds: int, points: int, trials: int, seed: int) -> Tuple[str, list]:
    """Per round, campaign and tool, in one process: 1 + `points` golden passes, each followed by `trials` faulty trials
    (mrfi: one sweep point per golden pass), so golden and faulty passes interleave. The first golden pass and its
    trials warm up (JIT, allocator, first-call costs) and are not counted; the round's figures are the means of the
    rest, as mrfi's manifest reports golden_seconds_per_pass and seconds_per_trial."""
    campaigns = [WEIGHT_SYM8, ACT_FLOAT32, ONE_FAULT]
    per = {c.key: {"py_golden": [], "py_trial": [], "mrfi_golden": [], "mrfi_trial": []} for c in campaigns}
    early = {c.key: [] for c in campaigns}
    for r in range(rounds):
        for i, c in enumerate(campaigns):
            # Alternate which tool goes first, so that a drift in machine load hits both alike.
            for tool in (["py", "mrfi"] if (r + i) % 2 == 0 else ["mrfi", "py"]):
                if tool == "py":
                    results = [py.run(c, c.ber, trials, (seed + r) * 100 + p) for p in range(1 + points)]
                else:
                    results = mrfi.run(c, [c.ber] * (1 + points), trials, seed + r)
                    early[c.key].append(mrfi.early_exit_share)
                results = results[1:]
                per[c.key][f"{tool}_golden"].append(statistics.fmean(x.golden_seconds for x in results))
                per[c.key][f"{tool}_trial"].append(statistics.fmean(t for x in results for t in x.seconds))
        print(f"  timing round {r + 1}/{rounds} done", file=sys.stderr, flush=True)
    rows, records = [], []
    scale = 10000 / 1000      # seconds per pass over 1000 images -> per 10,000 images
    for c in campaigns:
        d = per[c.key]
        med = {k: statistics.median(v) * scale for k, v in d.items()}
        py_ratio = statistics.median([t / g for t, g in zip(d["py_trial"], d["py_golden"])])
        mrfi_ratio = statistics.median([t / g for t, g in zip(d["mrfi_trial"], d["mrfi_golden"])])
        speedup = statistics.median([p / m for p, m in zip(d["py_trial"], d["mrfi_trial"])])
        golden_speedup = statistics.median([p / m for p, m in zip(d["py_golden"], d["mrfi_golden"])])
        records.append({"campaign": c.key, "per_10k_images_s": med, "python_ratio": py_ratio, "mrfi_ratio": mrfi_ratio,
                        "speedup": speedup, "golden_speedup": golden_speedup, "rounds": d,
                        "mrfi_early_exit_share": statistics.fmean(early[c.key])})
        rows.append([c.title, f"{med['py_golden']:.3f}", f"{med['py_trial']:.3f}", f"{py_ratio:.2f}",
                     f"{med['mrfi_golden']:.3f}", f"{med['mrfi_trial']:.3f}", f"{mrfi_ratio:.2f}",
                     f"{golden_speedup:.2f}", f"{speedup:.2f}"])
    header = ["campaign", "MRFI golden s", "MRFI faulty s", "MRFI × golden", "mrfi golden s", "mrfi faulty s",
              "mrfi × golden", "golden speed-up", "faulty speed-up"]
    notes = "; ".join(f"{c.title}: {100 * statistics.fmean(early[c.key]):.0f} %" for c in campaigns)
    return (table(header, rows) + "\n\nmrfi's faulty batches that stopped at the last injecting layer because its output "
            f"equalled the golden run's ([run] early_exit): {notes}."), records


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, torch {torch.__version__}, numpy {np.__version__}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mrfi_checkout", help="an unmodified checkout of the Python MRFI (github fffasttime/MRFI)")
    ap.add_argument("--mrfi", required=True, help="mrfi's dotnet-mrfi.dll (run with dotnet) or an executable")
    ap.add_argument("--threads", type=int, default=1, help="Torch intra-op threads in both tools (default 1)")
    ap.add_argument("--repeats", type=int, default=20, help="trials per point in the agreement phase (default 20)")
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds, each tool once per campaign (default 5)")
    ap.add_argument("--timing-points", type=int, default=3,
                    help="golden passes per campaign, tool and round, each followed by the faulty trials (default 3)")
    ap.add_argument("--timing-trials", type=int, default=2, help="faulty trials after each golden pass (default 2)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--skip", choices=["agreement", "timing"], action="append", default=[], help="leave out a phase")
    ap.add_argument("--json", help="also write every figure (and the per-round timings) to this file")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.mrfi_checkout, "mrfi", "mrfi.py")):
        raise SystemExit(f"error: {a.mrfi_checkout} is not a checkout of the Python MRFI (no mrfi/mrfi.py)")
    if a.repeats < 2:
        raise SystemExit("error: --repeats must be at least 2 (a standard error needs two trials)")
    if min(a.rounds, a.timing_points, a.timing_trials, a.threads) < 1:
        raise SystemExit("error: --rounds, --timing-points, --timing-trials and --threads must be at least 1")

    torch.set_num_threads(a.threads)
    work = tempfile.mkdtemp(prefix="compare-python-mrfi-")
    py = PythonMrfi(a.mrfi_checkout, load_batches())
    mrfi = Mrfi(a.mrfi, work, a.threads)
    commit = subprocess.run(["git", "-C", a.mrfi_checkout, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True).stdout.strip() or "unknown"
    print(f"Machine: {machine()}")
    print(f"Python MRFI checkout {os.path.abspath(a.mrfi_checkout)} (commit {commit}); mrfi: {a.mrfi}; "
          f"{a.threads} thread(s) in both; batch {BATCH}; the first 1000 Fashion-MNIST test images; work folder {work}")
    print("mrfi_compat = true on: " + (", ".join(sorted(mrfi.compat)) if mrfi.compat else
                                        "none (no component used here has the switch)"))
    out = {"machine": machine(), "mrfi_commit": commit, "threads": a.threads, "date": time.strftime("%Y-%m-%d")}

    began, load = time.perf_counter(), os.getloadavg()[0]
    print("\n## Golden check (same model, weights and images)\n")
    print(golden_check(py, mrfi, a.seed), flush=True)
    if "agreement" not in a.skip:
        print(f"\n## Agreement: accuracy over {a.repeats} trials per point (1000 images each); "
              "z = (mrfi - MRFI) / combined standard error\n", flush=True)
        text, out["agreement"] = agreement(py, mrfi, a.repeats, a.seed)
        print(text, flush=True)
    if "timing" not in a.skip:
        print(f"\n## Timing: seconds per 10,000 images, medians of {a.rounds} rounds that alternate the tools "
              f"(each: {a.timing_points} golden passes and {a.timing_points * a.timing_trials} faulty trials per "
              "campaign and tool, after a warm-up golden pass and its trials); ratios and speed-ups within each round\n",
              flush=True)
        text, out["timing"] = timing(py, mrfi, a.rounds, a.timing_points, a.timing_trials, a.seed)
        print(text)
    out["load_average"] = [load, os.getloadavg()[0]]
    print(f"\n(whole comparison: {time.perf_counter() - began:.0f} s; 1-minute load average {load:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end; the comparison alone keeps it near 1, more means other work was running)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
