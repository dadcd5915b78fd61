#!/usr/bin/env python3
"""Resolution speed and accuracy on distinct names, with no NER in the way.

    python benchmarks/bench_resolve.py [--sizes 10000,50000,200000] [--seed 7]

Names are drawn the way ../shared/bench/make_corpus.py draws mentions: the entity pools and spelling-variant
generator of ../shared/bench/names.py (persons of 13 naming cultures with transliteration variants, typos,
articles and short forms; places; organisations with abbreviations and acronyms). Each size is a set of
distinct (text, label) names with its gold entity; the script reports the time to resolve them on one core,
the peak memory, and B-cubed precision/recall/F1 against that gold. The synthetic pool reuses first names and
surnames across thousands of people ("Ahmed Assad" and "Ahmad Assad" are different people there), so its
scores are lower than on real data; they are for tracking, not for the targets.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def draw_names(n: int, seed: int, bench_dir: Path) -> list[tuple[str, str, str]]:
    """n distinct (text, label, gold id) drawn from the benchmark pools."""
    sys.path.insert(0, str(bench_dir))
    from names import Pools  # type: ignore[import-not-found]

    pools = Pools(seed=seed)
    rng = random.Random(seed)
    entities = pools.persons + pools.gpes + pools.orgs + pools.locs
    seen: dict[tuple[str, str], str] = {}
    tries = 0
    while len(seen) < n and tries < n * 50:
        tries += 1
        e = rng.choice(entities)
        if e["label"] == "PERSON":
            text = pools.person_mention(pools.person_house(e, rng, 0.6), rng, rng.random() < 0.3)
        else:
            text = pools.name_house(e, rng, 0.6)
        seen.setdefault((text, e["label"]), e["id"])
    return [(t, label, gold) for (t, label), gold in seen.items()]


def b_cubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    p_size, g_size, cells = Counter(pred), Counter(gold), Counter(zip(pred, gold, strict=True))
    n = len(pred)
    precision = sum(c * c / p_size[p] for (p, _), c in cells.items()) / n
    recall = sum(c * c / g_size[g] for (_, g), c in cells.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,50000,200000", help="comma-separated numbers of distinct names")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"), help="folder with names.py")
    args = ap.parse_args()

    from entnorm.names.gazetteer import default_gazetteer
    from entnorm.records import Mention
    from entnorm.resolution.resolver import Resolver

    start = time.perf_counter()
    default_gazetteer()
    print(f"gazetteer loaded in {time.perf_counter() - start:.1f} s (once per process, not counted below)")
    print(
        f"{'names':>8} {'seconds':>8} {'names/s':>8} {'entities':>9} {'peak MB':>8} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        names = draw_names(size, args.seed, Path(args.bench))
        mentions = [Mention.named(text, label) for text, label, _ in names]
        start = time.perf_counter()
        resolution = Resolver().resolve(mentions)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pred = [resolution.entities[e].id for e in resolution.entity_of]
        p, r, f = b_cubed(pred, [gold for _, _, gold in names])
        print(
            f"{len(names):>8} {seconds:>8.2f} {len(names) / seconds:>8.0f} {len(resolution.entities):>9} "
            f"{peak:>8.0f} {p:>6.3f} {r:>6.3f} {f:>6.3f}"
        )
        del names, mentions, resolution, pred  # the next size's peak memory is its own


if __name__ == "__main__":
    main()
