"""Recognisers: what turns texts into entity spans. Two of them, with one interface (`model_id`, and
`spans(stream)` taking (text, context) pairs and yielding (spans, context) in the same order):

- `SpacyRecogniser`: a local spaCy pipeline, `nlp.pipe` in batches, in one or more processes. With more than
  one, the worker processes are forked with the pipeline already loaded and send back only the entity spans
  of each batch: spaCy's own `n_process` sends back every parsed Doc, which the parent would spend a large
  part of a core deserialising only to read its entities;
- `DaskRecogniser`: the same pipeline on a Dask cluster, for corpora beyond one machine (the optional extra:
  `pip install 'entnorm[dask]'`). Batches of texts go to the workers; each worker process loads the pipeline
  once (kept in `_PIPELINES`) and returns the spans. Everything else (reading, the cache, alias names, cleaning,
  resolution) stays in the local process, so the output is the same as a local run. A bounded number of
  batches is in flight at a time and results come back in submission order, so memory stays flat and the
  order is deterministic. Workers need entnorm and the model installed, like the local machine.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice

from entnorm.errors import EntnormError
from entnorm.extraction.model import load_pipeline, model_id


def batch_size_for(total_chars: int, n_docs: int, *, target_chars: int = 200_000, longest: int | None = None) -> int:
    """Texts per spaCy batch: about `target_chars` of text, so memory does not grow with long files (spaCy's
    default of 1,000 documents reaches gigabytes). `longest`: no text sent is longer (long ones are cut)."""
    mean = max(1, total_chars // max(1, n_docs))
    if longest is not None:
        mean = min(mean, longest)
    return max(1, min(1000, target_chars // mean))


def entity_spans(doc) -> list[tuple[int, int, str]]:
    """The (start, end, label) character spans of a parsed spaCy Doc's entities."""
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


_WORKERS_PREPARED = False


def _prepare_worker() -> None:
    """In a forked worker: leave Ctrl-C to the parent, which stops every worker (a worker that took it would
    print its own traceback), and die with the parent, so that no worker outlives a killed run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent still stops its workers on Ctrl-C
        pass


#: Linux's prctl option: the signal a process receives when its parent dies.
PR_SET_PDEATHSIG = 1


def prepare_workers() -> None:
    """Have every process forked from here on run `_prepare_worker` first (once per process)."""
    global _WORKERS_PREPARED
    if not _WORKERS_PREPARED and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_prepare_worker)
        _WORKERS_PREPARED = True


@contextmanager
def _workers_stop_on_interrupt(enabled: bool) -> Iterator[None]:
    """While spaCy's workers run, Ctrl-C kills them before KeyboardInterrupt is raised: spaCy's clean-up waits
    for its workers to finish their queues, which takes minutes on a long run."""
    previous = signal.getsignal(signal.SIGINT)
    main_thread = threading.current_thread() is threading.main_thread()
    if not enabled or not main_thread or previous is not signal.default_int_handler:
        yield
        return

    def stop(signum, frame):
        warnings.filterwarnings("ignore", message=r".*W127")  # spaCy's note that the workers did not exit 0
        for child in multiprocessing.active_children():
            child.kill()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _in_order(
    items: Iterator[tuple[str, object]],
    submit: Callable[[list[str]], object],
    result: Callable[[object], list[list[tuple[int, int, str]]]],
    *,
    batch_size: int,
    window: int,
) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
    """Batches of texts submitted to workers, at most `window` at a time, and their spans yielded with their
    contexts in submission order: memory stays flat and the order is deterministic, however the workers
    interleave. `submit` sends a batch's texts and returns a handle; `result` waits for a handle's spans."""
    in_flight: deque = deque()
    while True:
        while len(in_flight) < window:
            batch = list(islice(items, batch_size))
            if not batch:
                break
            in_flight.append((submit([text for text, _ in batch]), [context for _, context in batch]))
        if not in_flight:
            return
        handle, contexts = in_flight.popleft()
        yield from zip(result(handle), contexts, strict=True)


#: The pipeline the forked workers run: set in the parent before its pool forks them, cleared when the pool is shut.
_FORKED: list = []


def _recognise_forked(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Run in a forked worker: the entity spans of each text, with the pipeline the parent had loaded."""
    nlp = _FORKED[0]
    return [entity_spans(doc) for doc in nlp.pipe(texts, batch_size=len(texts))]


class SpacyRecogniser:
    """Entity spans from a local spaCy pipeline: `nlp.pipe` in batches, in `n_process` processes (forked
    workers that return spans only, where the platform forks; else spaCy's own `n_process`).

    Args:
        nlp: a loaded pipeline, or a zero-argument function that loads it; it is called only when a text
            needs the model, so a run answered wholly by the cache never loads spaCy.
        meta: the pipeline's meta (for its identity in the cache), when `nlp` is not loaded yet.
    """

    def __init__(self, nlp, *, meta: dict | None = None, batch_size: int = 64, n_process: int = 1) -> None:
        self._nlp = nlp
        self.model_id = model_id(meta if meta is not None else nlp.meta)
        self.batch_size, self.n_process = batch_size, n_process

    def spans(self, stream: Iterable[tuple[str, object]]) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        """(text, context) in, (entity spans, context) out, in the same order."""
        stream = iter(stream)
        first = next(stream, None)
        if first is None:
            return
        if callable(self._nlp) and not hasattr(self._nlp, "pipe"):
            self._nlp = self._nlp()
        if self.n_process > 1:
            prepare_workers()
        with _workers_stop_on_interrupt(self.n_process > 1):
            yield from self._spans(chain([first], stream))

    def _spans(self, stream: Iterator[tuple[str, object]]) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        if self.n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._forked_spans(stream)
            return
        pipe = self._nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process)
        for parsed, context in pipe:
            yield entity_spans(parsed), context

    def _forked_spans(
        self, stream: Iterator[tuple[str, object]]
    ) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        """Batches to `n_process` forked workers; two batches per worker in flight, so none waits for work."""
        _FORKED[:] = [self._nlp]  # kept while the pool lives: its workers are forked as it needs them
        pool = ProcessPoolExecutor(self.n_process, mp_context=multiprocessing.get_context("fork"))
        try:
            yield from _in_order(
                stream,
                lambda texts: pool.submit(_recognise_forked, texts),
                lambda future: future.result(),
                batch_size=self.batch_size,
                window=2 * self.n_process,
            )
        finally:
            # on Ctrl-C or an error, the batches not yet started are dropped rather than recognised
            pool.shutdown(wait=True, cancel_futures=True)
            _FORKED.clear()


_PIPELINES: dict[str, object] = {}


def recognise_batch(model: str, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Run on a worker: the entity spans of each text, with the pipeline loaded once per worker process."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = load_pipeline(model)
    return [entity_spans(doc) for doc in nlp.pipe(texts)]  # type: ignore[attr-defined]


class DaskRecogniser:
    """Entity spans from a Dask cluster. `scheduler` is an address (tcp://host:8786) or "local" (a
    LocalCluster of one worker process per core). It connects when the first text needs the model, so a run
    answered wholly by the cache never waits for a scheduler. Use as a context manager: it closes what it
    opened."""

    def __init__(
        self,
        model: str,
        *,
        model_id: str,
        scheduler: str,
        batch_size: int = 64,
        client=None,
        connect_timeout: str = "20s",
    ) -> None:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise EntnormError("--scheduler needs the Dask extra: pip install 'entnorm[dask]'") from None
        self.model, self.model_id, self.batch_size = model, model_id, batch_size
        self.scheduler, self._timeout = scheduler, connect_timeout
        self._cluster = None
        self._client, self._owns_client = client, False

    def _connect(self) -> None:
        from dask.distributed import Client, LocalCluster

        scheduler = self.scheduler
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(scheduler, timeout=self._timeout)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            # an unreachable host, or an address dask cannot read ("bogus-address")
            raise EntnormError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc} "
                "(give an address like tcp://host:8786, or 'local')"
            ) from None
        self._owns_client = True

    def spans(self, stream: Iterable[tuple[str, object]]) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        """(text, context) in, (entity spans, context) out, in the same order."""
        items = iter(stream)
        first = next(items, None)
        if first is None:
            return
        items = chain([first], items)
        if self._client is None:
            self._connect()
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        client = self._client
        yield from _in_order(
            items,
            lambda texts: client.submit(recognise_batch, self.model, texts, pure=False),
            lambda future: future.result(),
            batch_size=self.batch_size,
            window=2 * workers,
        )

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRecogniser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
