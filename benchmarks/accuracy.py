#!/usr/bin/env python3
"""Accuracy of entnorm against ../shared/eval, measured through the CLI exactly as a user runs it.

    python benchmarks/accuracy.py [--aliases FILE] [--eval DIR] [--errors N]

1. Seeds: `entnorm extract corpus/ --level mentions` over the five seed articles, joined to seeds_gold.jsonl by
   (file name, surface text). Reports how many gold mentions the NER found, whether every found one is in the
   output with offsets that point at its text, and B-cubed / pairwise scores on the found ones.
2. Real news: `entnorm extract --level mentions` over the 20 passages of news_dev/, scored with its
   score_docs.py (--normalize): NER coverage, label agreement, B-cubed F1, end-to-end B-cubed F1; and the share
   of the output's distinct (document, surface) keys that are real names (join a gold pair).
3. Names: `entnorm resolve` over names_dev.jsonl, scored with score_clusters.py.

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
            ["extract", "corpus/", "--level", "mentions", "-f", "jsonl", "--aliases", aliases, "-q", "--no-cache"]
        ).splitlines()
    ]
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    bad_offsets = [
        m for m in mentions if " ".join(texts[Path(m["doc"]).name][m["start"] : m["end"]].split()) != m["text"]
    ]
    by_pair: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        by_pair.setdefault((Path(m["doc"]).name, m["text"]), set()).add(m["entity"])
    # joined as score_docs.py --normalize joins news_dev: exactly, else after unifying quotes and dropping a
    # leading "the", a possessive and leading titles (case is kept)
    normalize = normalizer(eval_dir / "news_dev")
    by_normal: dict[tuple[str, str], tuple[str, str]] = {}
    for k in sorted(by_pair):
        by_normal.setdefault((k[0], normalize(k[1])), k)
    system_key = {}
    for g in gold:
        k = (g["doc"], g["text"])
        system_key[k] = k if k in by_pair else by_normal.get((g["doc"], normalize(g["text"])))
    found = [g for g in gold if system_key[(g["doc"], g["text"])] is not None]
    split = [g for g in found if len(by_pair[system_key[(g["doc"], g["text"])]]) > 1]
    print(
        f"seeds: {len(found)} of {len(gold)} gold (doc, text) found by the NER; "
        f"{len(bad_offsets)} output mentions with wrong offsets; {len(split)} found pairs split across entities"
    )
    joined = {system_key[(g["doc"], g["text"])] for g in found}
    real = sum(1 for k in by_pair if k in joined)
    labels = {(Path(m["doc"]).name, m["text"]): m["label"] for m in mentions}
    agree = sum(1 for g in found if labels[system_key[(g["doc"], g["text"])]] == g["label"])
    print(
        f"  NER coverage {len(found) / len(gold):.3f}; keys that are real names {real / len(by_pair):.3f} "
        f"({real}/{len(by_pair)}); label agreement {agree / len(found):.3f} ({agree}/{len(found)})"
    )
    missing = sorted({g["text"] for g in gold} - {g["text"] for g in found})
    print(f"  not found by the NER: {', '.join(missing)}")
    pred = [
        {"text": g["text"], "label": g["label"], "cluster": sorted(by_pair[system_key[(g["doc"], g["text"])]])[0]}
        for g in found
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for g in found:
            f.write(json.dumps({"text": g["text"], "label": g["label"], "gold": g["entity"]}) + "\n")
    print(score(pred, Path(f.name), eval_dir, errors))
    os.unlink(f.name)


def normalizer(news: Path):
    """score_docs.py's light normalisation of a surface, for joining system keys to gold ones."""
    sys.path.insert(0, str(news))
    from score_docs import normalize_surface  # type: ignore[import-not-found]

    return normalize_surface


def real_name_share(mentions: list[dict], news: Path) -> tuple[int, int]:
    """(keys that join a gold pair, all distinct (document, surface) keys), joined as score_docs.py joins."""
    normalize_surface = normalizer(news)

    gold = [json.loads(line) for line in (news / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    exact = {(g["doc"], g["text"]) for g in gold}
    normal = {(g["doc"], normalize_surface(g["text"])) for g in gold}
    keys = {(Path(m["doc"]).name, m["text"]) for m in mentions}
    real = [k for k in keys if k in exact or (k[0], normalize_surface(k[1])) in normal]
    return len(real), len(keys)


def news_dev(aliases: str, eval_dir: Path, errors: int) -> None:
    news = eval_dir / "news_dev"
    docs = sorted(str(p) for p in news.glob("[0-9]*.txt"))
    out = run(["extract", *docs, "--level", "mentions", "-f", "json", "--aliases", aliases, "-q", "--no-cache"])
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        f.write(out)
    cmd = [sys.executable, str(news / "score_docs.py"), f.name, "--normalize", "--top", str(errors)]
    report = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    real, keys = real_name_share(json.loads(out), news)
    print("news_dev:")
    keep = ("NER coverage", "Label agreement", "B-cubed", "End-to-end", "  PERSON", "  GPE", "  LOC", "  ORG")
    for line in report.splitlines():
        if line.startswith(keep) or (errors and line.startswith(("Worst", "  [", "      "))):
            print("  " + line.strip() if not line.startswith("      ") else line)
    print(f"  keys that are real names: {real / keys:.3f}  ({real}/{keys} distinct (doc, surface) keys)")


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
        news_dev(aliases, eval_dir, args.errors)
        names(aliases, eval_dir, args.errors)


if __name__ == "__main__":
    main()
