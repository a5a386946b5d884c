"""Regression guards: the shipped eval set, the real model, floors set from measured values.

Measured with MiniLM when these floors were set (README, "Evaluating"): answer accuracy 0.90,
hit@5 1.00, abstention recall 0.94, citation precision 0.94, false abstention 0.03. The floors
sit a little below, so noise in a refactor does not trip them but a real regression does.
"""

import pytest

from conftest import ROOT
from rag.evaluation import load_questions, run_bm25, run_pipeline, summarize

pytestmark = pytest.mark.slow

FLOORS = {"answer_accuracy": 0.85, "hit@5": 0.95, "abstention_recall": 0.85, "citation_precision": 0.90}
CEILINGS = {"false_abstention": 0.10}


@pytest.fixture(scope="module")
def shipped(real_pipeline):
    qs = load_questions(ROOT / "evals" / "questions.jsonl")
    outs = run_pipeline(real_pipeline, qs, 5, progress=False)
    return qs, summarize(qs, outs, 5)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_floor(shipped, metric):
    _, s = shipped
    assert s[metric] >= FLOORS[metric], f"{metric} = {s[metric]:.3f} fell below {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_metric_ceiling(shipped, metric):
    _, s = shipped
    assert s[metric] <= CEILINGS[metric], f"{metric} = {s[metric]:.3f} rose above {CEILINGS[metric]}"


def test_beats_bm25_baseline(shipped, real_pipeline):
    qs, ours = shipped
    base = summarize(qs, run_bm25(real_pipeline.retriever, qs, 5), 5)
    for m in ("answer_accuracy", "citation_precision", "abstention_recall"):
        assert ours[m] > base[m], m
