"""Regression guards on the held-out ``test`` split (never used to tune rules or thresholds).

The floors pin what ``rag eval --split test`` measured when they were set (README,
"Evaluating"), a little below so run-to-run noise in a refactor does not trip them but
a real regression does. Every category with at least ``MIN_CATEGORY`` questions has its
own accuracy floor, so a gain in one kind of question cannot hide a loss in another.
"""

import pytest

from conftest import ROOT
from rag.evalset import load_questions
from rag.evaluation import run_bm25, run_pipeline
from rag.metrics import breakdown, summarize

pytestmark = pytest.mark.slow

FLOORS = {"answer_accuracy": 0.88, "hit@5": 0.95, "abstention_recall": 0.88, "citation_precision": 0.93}
CEILINGS = {"false_abstention": 0.05}
CATEGORY_FLOOR = 0.80
MIN_CATEGORY = 5


@pytest.fixture(scope="module")
def test_split(real_pipeline):
    qs = load_questions(ROOT / "evals" / "test.jsonl", "test")
    outs = run_pipeline(real_pipeline, qs, 5, progress=False)
    return qs, outs, summarize(qs, outs, 5)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_floor(test_split, metric):
    s = test_split[2]
    assert s[metric] >= FLOORS[metric], f"{metric} = {s[metric]:.3f} fell below {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_metric_ceiling(test_split, metric):
    s = test_split[2]
    assert s[metric] <= CEILINGS[metric], f"{metric} = {s[metric]:.3f} rose above {CEILINGS[metric]}"


def test_every_category_holds_its_floor(test_split):
    qs, outs, _ = test_split
    per_cat = breakdown(qs, outs, 5)["test"]
    low = {}
    for cat, s in per_cat.items():
        n = sum(1 for q in qs if q.kind == cat)
        if cat == "all" or n < MIN_CATEGORY:
            continue
        score = s["answer_accuracy"] if s.get("answer_accuracy") is not None else s["abstention_recall"]
        if score < CATEGORY_FLOOR:
            low[cat] = round(score, 3)
    assert not low, f"categories below {CATEGORY_FLOOR}: {low}"


def test_beats_bm25_baseline(test_split, real_pipeline):
    qs, _, ours = test_split
    base = summarize(qs, run_bm25(real_pipeline.retriever, qs, 5), 5)
    for m in ("answer_accuracy", "citation_precision", "abstention_recall"):
        assert ours[m] > base[m], m
