"""Verdicts for many pairs of names, in several processes when there are many.

Comparing is pure (two names in, a verdict out) and most of a big resolution's time, so with more than one job
the pairs are cut into chunks that forked processes judge while the parent waits. The verdicts come back in the
pairs' order, so the result is the same as in one process. Forked, the workers start with the names already in
memory: only a chunk's bounds go to a worker, and its verdicts come back. Where fork is not available
(Windows; macOS does not fork by default) or the pairs are few, the parent judges them itself.
"""

from __future__ import annotations

import multiprocessing
import signal
from array import array
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from entnorm.names.verdict import Verdict

#: Fewer pairs than this are judged in the parent: starting processes would cost more than they save.
MIN_PARALLEL_PAIRS = 20_000
#: Pairs per chunk: small enough that Ctrl-C waits for little, large enough that sending costs little.
CHUNK_PAIRS = 5_000

Judge = Callable[[int, int], Verdict]

#: What the forked workers judge: (judge, first of each pair, second of each pair); set only while they run.
_work: tuple[Judge, array, array] | None = None


def _in_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _judge_chunk(bounds: tuple[int, int]) -> list[Verdict]:
    assert _work is not None
    judge, firsts, seconds = _work
    return [judge(firsts[k], seconds[k]) for k in range(*bounds)]


def judged(pairs: Iterable[tuple[int, int]], judge: Judge, *, jobs: int = 1) -> Iterator[tuple[int, int, Verdict]]:
    """(i, j, judge(i, j)) for each pair, in order, judged in `jobs` processes when there are enough pairs."""
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        firsts, seconds = array("I"), array("I")
        for i, j in pairs:
            firsts.append(i)
            seconds.append(j)
        if len(firsts) >= MIN_PARALLEL_PAIRS:
            yield from _in_processes(firsts, seconds, judge, jobs)
            return
        pairs = zip(firsts, seconds, strict=True)
    for i, j in pairs:
        yield i, j, judge(i, j)


def _in_processes(firsts: array, seconds: array, judge: Judge, jobs: int) -> Iterator[tuple[int, int, Verdict]]:
    global _work
    _work = (judge, firsts, seconds)
    bounds = [(lo, min(lo + CHUNK_PAIRS, len(firsts))) for lo in range(0, len(firsts), CHUNK_PAIRS)]
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_in_worker)
    try:
        for (lo, hi), verdicts in zip(bounds, pool.map(_judge_chunk, bounds), strict=True):
            for k, verdict in zip(range(lo, hi), verdicts, strict=True):
                yield firsts[k], seconds[k], verdict
    finally:
        # on Ctrl-C or an error, the chunks not yet started are dropped rather than judged
        pool.shutdown(wait=True, cancel_futures=True)
        _work = None
