"""Recognisers: what turns texts into entity spans. Two of them, with one interface (`model_id`, and
`spans(stream)` taking (text, context) pairs and yielding (spans, context) in the same order):

- `SpacyRecogniser`: a local spaCy pipeline, `nlp.pipe` in batches, in one or more processes;
- `DaskRecogniser`: the same pipeline on a Dask cluster, for corpora beyond one machine (the optional extra:
  `pip install 'entnorm[dask]'`). Batches of texts go to the workers; each worker process loads the pipeline
  once (kept in `_PIPELINES`) and returns the spans. Everything else (reading, the cache, alias names, cleaning,
  resolution) stays in the local process, so the output is the same as a local run. A bounded number of
  batches is in flight at a time and results come back in submission order, so memory stays flat and the
  order is deterministic. Workers need entnorm and the model installed, like the local machine.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from entnorm.errors import EntnormError
from entnorm.extraction.model import load_pipeline, model_id


def batch_size_for(total_chars: int, n_docs: int, *, target_chars: int = 200_000) -> int:
    """Documents per spaCy batch: about `target_chars` of text, so memory does not grow with long files
    (spaCy's default of 1,000 documents reaches gigabytes)."""
    mean = max(1, total_chars // max(1, n_docs))
    return max(1, min(1000, target_chars // mean))


def entity_spans(doc) -> list[tuple[int, int, str]]:
    """The (start, end, label) character spans of a parsed spaCy Doc's entities."""
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


class SpacyRecogniser:
    """Entity spans from a local spaCy pipeline: `nlp.pipe` in batches, in `n_process` processes.

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
        pipe = self._nlp.pipe(
            chain([first], stream), as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        )
        for parsed, context in pipe:
            yield entity_spans(parsed), context


_PIPELINES: dict[str, object] = {}


def recognise_batch(model: str, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Run on a worker: the entity spans of each text, with the pipeline loaded once per worker process."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = load_pipeline(model)
    return [entity_spans(doc) for doc in nlp.pipe(texts)]  # type: ignore[attr-defined]


class DaskRecogniser:
    """Entity spans from a Dask cluster. `scheduler` is an address (tcp://host:8786) or "local" (a
    LocalCluster of one worker process per core). Use as a context manager: it closes what it opened."""

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
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EntnormError("--scheduler needs the Dask extra: pip install 'entnorm[dask]'") from None
        self.model, self.model_id, self.batch_size = model, model_id, batch_size
        self._cluster = None
        if client is not None:
            self._client, self._owns_client = client, False
            return
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise EntnormError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self._owns_client = True

    def spans(self, stream: Iterable[tuple[str, object]]) -> Iterator[tuple[list[tuple[int, int, str]], object]]:
        """(text, context) in, (entity spans, context) out, in the same order."""
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        in_flight: deque = deque()
        items = iter(stream)
        while True:
            while len(in_flight) < 2 * workers:
                batch = list(islice(items, self.batch_size))
                if not batch:
                    break
                texts = [text for text, _ in batch]
                future = self._client.submit(recognise_batch, self.model, texts, pure=False)
                in_flight.append((future, [context for _, context in batch]))
            if not in_flight:
                return
            future, contexts = in_flight.popleft()
            yield from zip(future.result(), contexts, strict=True)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRecogniser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
