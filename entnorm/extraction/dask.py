"""The recogniser on a Dask cluster, for corpora beyond one machine (the optional extra:
`pip install 'entnorm[dask]'`).

Batches of texts go to the workers; each worker process loads the spaCy pipeline once (kept in `_PIPELINES`)
and returns the entity spans. Everything else (reading, the cache, alias names, cleaning, resolution) stays in
the local process, so the output is the same as a local run. A bounded number of batches is in flight at a
time and results come back in submission order, so memory stays flat and the order is deterministic.
Workers need entnorm and the model installed, like the local machine.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from entnorm.errors import EntnormError

_PIPELINES: dict[str, object] = {}


def recognise_batch(model: str, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Run on a worker: the entity spans of each text, with the pipeline loaded once per worker process."""
    from entnorm.extraction.mentions import entity_spans, load_pipeline

    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = load_pipeline(model)
    return [entity_spans(doc) for doc in nlp.pipe(texts)]  # type: ignore[attr-defined]


class DaskRecogniser:
    """Entity spans from a Dask cluster. `scheduler` is an address (tcp://host:8786) or "local" (a
    LocalCluster of one worker process per core). Use as a context manager: it closes what it opened."""

    def __init__(self, model: str, *, model_id: str, scheduler: str, batch_size: int = 64, client=None, connect_timeout: str = "20s") -> None:
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
                self._cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
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
