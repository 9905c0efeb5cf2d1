#!/usr/bin/python3
"""Renders the JSON of `dotnet mrfi bench --onnx FILE --json OUT.json` as the markdown tables of docs/performance.md.

    /usr/bin/python3 scripts/bench-onnx-table.py OUT.json [--digits N]

With a built-in model (the file holds the weights of LeNet or ResNet18): one line with the golden forward ratio
imported / built-in (median of the alternating pairs, target <= 1.10), then the table

    | row | imported × golden | built-in × golden | difference | 95 % interval |

each ratio the median over paired rounds of (row / the same model's golden forward in that round), the difference
imported minus built-in (target: within ±0.05; the median over rounds of the two ratios' difference in the same round)
with its 95 % sign-test interval (files written before it existed: no interval column), and a closing line counting the
rows within 0.05.
Without a built-in model (e.g. a graph with several inputs): the rows of the graph alone, | row | ms | × golden |.
Standard library only.
"""

import argparse
import json
import sys


def number(value, digits, signed=False):
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def header(doc):
    onnx = doc["onnx"]
    shape = ",".join(str(d) for d in onnx["input_shape"])
    return (f"{onnx['model']}, batch [{shape}], {onnx['threads']} threads, {onnx['iterations']} paired rounds per row; "
            f"machine: {onnx.get('machine', '?')}")


def compared(doc, digits):
    lines = [
        header(doc),
        "",
        f"Golden forward imported / built-in {doc['built_in']['model']}: **{doc['golden_ratio']:.3f}** (median of "
        f"{doc['golden_pairs']} alternating pairs; imported {doc['onnx_golden_ms']:.2f} ms, built-in "
        f"{doc['built_in_golden_ms']:.2f} ms; target ≤ 1.10; largest golden output difference "
        f"{doc['max_output_difference']:.3g}).",
        "",
    ]
    rows = doc["rows"]
    # Files from versions with per-round differences carry their 95 % interval (the sign test's, over the rounds).
    interval = bool(rows) and all(r.get("difference_low") is not None for r in rows)
    if interval:
        lines += ["| row | imported × golden | built-in × golden | difference | 95 % interval |", "|---|---|---|---|---|"]
    else:
        lines += ["| row | imported × golden | built-in × golden | difference |", "|---|---|---|---|"]
    for row in rows:
        cells = [row["name"], number(row["onnx_ratio"], digits), number(row["built_in_ratio"], digits),
                 number(row["difference"], digits, signed=True)]
        if interval:
            cells.append(f"{number(row['difference_low'], digits, signed=True)} … "
                         f"{number(row['difference_high'], digits, signed=True)}")
        lines.append("| " + " | ".join(cells) + " |")
    within = sum(1 for r in rows if abs(r["difference"]) <= 0.05)
    if rows:
        worst = max(rows, key=lambda r: abs(r["difference"]))
        summary = (f"Rows within 0.05 of the built-in's ratio: {within} of {len(rows)} (largest difference "
                   f"{number(worst['difference'], 3, signed=True)}, {worst['name']})")
        if interval:
            inside = sum(1 for r in rows if r["difference_low"] >= -0.05 and r["difference_high"] <= 0.05)
            outside = sum(1 for r in rows if r["difference_low"] > 0.05 or r["difference_high"] < -0.05)
            summary += f"; 95 % interval inside ±0.05: {inside}, entirely outside: {outside}"
        lines += ["", summary + "."]
    return lines


def alone(doc, digits):
    lines = [header(doc), "", f"No built-in model: {doc.get('no_built_in', '')}.", "",
             "| row | ms / batch | × golden |", "|---|---|---|",
             f"| golden forward (no hooks) | {doc['onnx']['golden_ms']:.2f} | 1.00 |"]
    for row in doc["onnx"]["rows"]:
        lines.append(f"| {row['name']} | {row['median_ms']:.2f} | {number(row['ratio'], digits)} |")
    return lines


def main(argv):
    parser = argparse.ArgumentParser(description="Markdown tables from the JSON of `dotnet mrfi bench --onnx`.")
    parser.add_argument("json", help="the file written by --json")
    parser.add_argument("--digits", type=int, default=2, help="decimals of the ratios (default 2)")
    args = parser.parse_args(argv)
    try:
        with open(args.json, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: {args.json}: {e}", file=sys.stderr)
        return 2
    if "onnx" not in doc:
        print(f"error: {args.json} is not the JSON of `dotnet mrfi bench --onnx` (no \"onnx\" key)", file=sys.stderr)
        return 2
    lines = compared(doc, args.digits) if doc.get("built_in") else alone(doc, args.digits)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
