#!/usr/bin/env python3
"""Accuracy of entnorm against ../shared/eval, measured through the CLI exactly as a user runs it.

    python benchmarks/accuracy.py [--aliases FILE] [--eval DIR] [--errors N]

1. Seeds: `entnorm extract corpus/ --level mentions` over the five seed articles, joined to seeds_gold.jsonl by
   (file name, surface text). Reports how many gold mentions the NER found, whether every found one is in the
   output with offsets that point at its text, and B-cubed / pairwise scores on the found ones.
2. Names: `entnorm resolve` over names_dev.jsonl, scored with score_clusters.py.

By default both run with an EMPTY alias file: the targets must be met by inference alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "entnorm", *args], input=stdin, capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"entnorm {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def score(pred: list[dict], gold_path: Path, eval_dir: Path, errors: int) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for row in pred:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(eval_dir / "score_clusters.py"), f.name, str(gold_path)]
    if errors:
        cmd += ["--errors", str(errors)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    return out


def seeds(aliases: str, eval_dir: Path, errors: int) -> None:
    gold = [
        json.loads(line)
        for line in (eval_dir / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    mentions = [
        json.loads(line)
        for line in run(
            ["extract", "corpus/", "--level", "mentions", "-f", "jsonl", "--aliases", aliases, "-q"]
        ).splitlines()
    ]
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    bad_offsets = [
        m for m in mentions if " ".join(texts[Path(m["doc"]).name][m["start"] : m["end"]].split()) != m["text"]
    ]
    by_pair: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        by_pair.setdefault((Path(m["doc"]).name, m["text"]), set()).add(m["entity"])
    found = [g for g in gold if (g["doc"], g["text"]) in by_pair]
    split = [g for g in found if len(by_pair[(g["doc"], g["text"])]) > 1]
    print(
        f"seeds: {len(found)} of {len(gold)} gold (doc, text) found by the NER; "
        f"{len(bad_offsets)} output mentions with wrong offsets; {len(split)} found pairs split across entities"
    )
    missing = sorted({g["text"] for g in gold} - {g["text"] for g in found})
    print(f"  not found by the NER: {', '.join(missing)}")
    pred = [
        {"text": g["text"], "label": g["label"], "cluster": sorted(by_pair[(g["doc"], g["text"])])[0]} for g in found
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for g in found:
            f.write(json.dumps({"text": g["text"], "label": g["label"], "gold": g["entity"]}) + "\n")
    print(score(pred, Path(f.name), eval_dir, errors))
    os.unlink(f.name)


def names(aliases: str, eval_dir: Path, errors: int) -> None:
    gold_path = eval_dir / "names_dev.jsonl"
    lines = gold_path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in lines.splitlines() if line.strip()]
    stdin = "".join(json.dumps({"text": r["text"], "label": r["label"]}, ensure_ascii=False) + "\n" for r in rows)
    out = [
        json.loads(line)
        for line in run(["resolve", "-", "-f", "jsonl", "--aliases", aliases], stdin=stdin).splitlines()
    ]
    pred = [{"text": o["text"], "label": r["label"], "cluster": o["entity"]} for o, r in zip(out, rows, strict=True)]
    print("names_dev:")
    print(score(pred, gold_path, eval_dir, errors))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aliases", help="alias file to use (default: an empty one)")
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"), help="folder with the gold files")
    ap.add_argument("--errors", type=int, default=0, help="list up to N wrong merges and misses")
    args = ap.parse_args()
    eval_dir = Path(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        aliases = args.aliases or str(Path(tmp) / "empty.yaml")
        if not args.aliases:
            Path(aliases).write_text("", encoding="utf-8")
        seeds(aliases, eval_dir, args.errors)
        names(aliases, eval_dir, args.errors)


if __name__ == "__main__":
    main()
