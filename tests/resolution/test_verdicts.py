import pytest

from entnorm.names.verdict import Verdict
from entnorm.resolution import verdicts
from entnorm.resolution.verdicts import judged


def judge(i: int, j: int) -> Verdict:
    return Verdict(float(i * j % 7) / 7, (i + j) % 5 == 0, i % 2 == 0, f"{i}-{j}")


PAIRS = [(i, j) for i in range(60) for j in range(i + 1, 60)]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_verdicts_come_in_the_pairs_order_whatever_the_number_of_processes(monkeypatch, jobs):
    monkeypatch.setattr(verdicts, "MIN_PARALLEL_PAIRS", 100)
    monkeypatch.setattr(verdicts, "CHUNK_PAIRS", 97)
    assert list(judged(iter(PAIRS), judge, jobs=jobs)) == [(i, j, judge(i, j)) for i, j in PAIRS]
    assert verdicts._work is None  # nothing of the run is kept


def test_few_pairs_are_judged_in_the_parent():
    seen = []

    def recording(i, j):
        seen.append((i, j))
        return judge(i, j)

    assert [v for _, _, v in judged(PAIRS[:10], recording, jobs=2)] == [judge(i, j) for i, j in PAIRS[:10]]
    assert seen == PAIRS[:10]  # in this process: below MIN_PARALLEL_PAIRS


def test_an_error_in_a_worker_reaches_the_caller(monkeypatch):
    monkeypatch.setattr(verdicts, "MIN_PARALLEL_PAIRS", 100)

    def failing(i, j):
        if i == 30:
            raise ValueError("bad pair")
        return judge(i, j)

    with pytest.raises(ValueError, match="bad pair"):
        list(judged(PAIRS, failing, jobs=2))
    assert verdicts._work is None


def test_a_resolver_with_two_jobs_resolves_as_with_one(monkeypatch):
    from entnorm.resolution.resolver import Resolver

    from ..conftest import mention as M

    monkeypatch.setattr(verdicts, "MIN_PARALLEL_PAIRS", 1)
    texts = ["Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Asaad al-Shibani", "Assad al-Sabani", "Bashar al-Assad"]
    mentions = [M(t, doc=d) for d in "ab" for t in texts]
    one, two = Resolver().resolve(mentions), Resolver(jobs=2).resolve(mentions)
    assert [one.entities[e].canonical for e in one.entity_of] == [two.entities[e].canonical for e in two.entity_of]
    assert len({e.canonical for e in two.entities}) == 3
