"""Regression guards on the held-out ``test`` split (never used to tune rules or thresholds).

The floors pin what ``rag eval --split test`` measured when they were set (2026-12-04, stop 27, README
"Evaluating": accuracy 0.645, hit@5 1.00, abstention 0.85, citation precision 0.75, false
abstention 0.04; stop 29: the same but citation precision 0.756 and false abstention 0.045, lists 0.8,
typos 0.6 — the typo floor was not lowered, so it sits at its measured score; end of stop 29: accuracy
0.655, why/how 0.5; stop 30: accuracy 0.682, comparison 0.6, why/how 0.6, yes/no 0.8; stop 32: accuracy 0.691,
abstention 0.90, paraphrase 0.7, on-topic unanswerable 0.9), a little below so noise in a refactor does not trip them but a real
regression does. They are far under the goals of issue #12 (0.90 accuracy, 0.80 in every
category): these guard what exists, the README reports the gap. Every category has its own
floor, one question (0.1) below its measured score, so a gain in one kind of question cannot
hide a loss in another.
"""

import pytest

from conftest import ROOT
from rag.evalset import load_questions
from rag.evaluation import run_bm25, run_pipeline
from rag.metrics import breakdown, summarize

pytestmark = pytest.mark.slow

FLOORS = {"answer_accuracy": 0.65, "hit@5": 0.95, "abstention_recall": 0.85, "citation_precision": 0.73}
CEILINGS = {"false_abstention": 0.08}
# measured accuracy (abstention for the unanswerable categories) minus one question in ten
CATEGORY_FLOORS = {"about_articles": 0.5, "comparison": 0.5, "followup": 0.6, "list": 0.7, "numbers_dates": 0.7,
                   "off_topic": 0.8, "overview": 0.4, "paraphrase": 0.6, "typo": 0.6, "unanswerable_on_topic": 0.8,
                   "who_said": 0.8, "why_how": 0.5, "yes_no": 0.7}


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
    assert set(CATEGORY_FLOORS) == set(per_cat) - {"all"}, "a category was added or removed: set its floor"
    low = {}
    for cat, floor in CATEGORY_FLOORS.items():
        s = per_cat[cat]
        score = s["answer_accuracy"] if s.get("answer_accuracy") is not None else s["abstention_recall"]
        if score < floor:
            low[cat] = (round(score, 3), floor)
    assert not low, f"categories below their floor (score, floor): {low}"


def test_beats_bm25_baseline(test_split, real_pipeline):
    qs, _, ours = test_split
    base = summarize(qs, run_bm25(real_pipeline.retriever, qs, 5), 5)
    for m in ("answer_accuracy", "citation_precision", "abstention_recall"):
        assert ours[m] > base[m], m
