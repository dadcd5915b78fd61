import pytest

from entnorm.errors import EntnormError
from entnorm.extraction.mentions import iter_mentions
from entnorm.extraction.model import load_pipeline
from entnorm.extraction.recognisers import DaskRecogniser, SpacyRecogniser, batch_size_for
from entnorm.records import Document


def test_batch_size_follows_document_length():
    assert batch_size_for(2_000_000, 1000) == 100
    assert batch_size_for(100, 10) == 1000
    assert batch_size_for(50_000_000, 10) == 1
    assert batch_size_for(0, 0) == 1000


def test_dask_recogniser_gives_the_local_spans(ruler_model):
    distributed = pytest.importorskip("dask.distributed")
    nlp = load_pipeline(ruler_model)
    docs = [
        Document(str(i), text)
        for i, text in enumerate(["Sergei Lavrov in Moscow.", "Nothing.", "Kiev, Kremlin, Lavrov."] * 5)
    ]
    local = [(d.order, d.mentions) for d in iter_mentions(SpacyRecogniser(nlp), docs, labels=["PERSON", "GPE", "ORG"])]
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
        DaskRecogniser(ruler_model, model_id="m", scheduler="unused", batch_size=4, client=client) as dask,
    ):
        remote = [(d.order, d.mentions) for d in iter_mentions(dask, docs, labels=["PERSON", "GPE", "ORG"])]
    assert remote == local and len(remote) == 15


def test_unreachable_scheduler_is_a_clear_error(ruler_model):
    pytest.importorskip("dask.distributed")
    recogniser = DaskRecogniser(ruler_model, model_id="m", scheduler="tcp://127.0.0.1:1", connect_timeout="2s")
    assert list(recogniser.spans([])) == []  # nothing to recognise: no connection tried
    with pytest.raises(EntnormError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:1"):
        list(recogniser.spans([("Moscow", None)]))


def test_an_address_dask_cannot_read_is_a_clear_error(ruler_model):
    pytest.importorskip("dask.distributed")
    recogniser = DaskRecogniser(ruler_model, model_id="m", scheduler="bogus-address", connect_timeout="2s")
    with pytest.raises(EntnormError, match="cannot reach the Dask scheduler at bogus-address"):
        list(recogniser.spans([("Moscow", None)]))
