"""Metric functions on hand-computed cases, and the questions-file parser."""

import json
import math

import pytest

from rag.errors import BadQuestionsFile
from rag.evalset import Question, load_many, load_questions
from rag.metrics import (Outcome, breakdown, citation_good, contains_alias, hit_at_k, judge, matched_groups, mrr,
                         ndcg_at_k, percentile, recall_at_k, starts_with_polarity, summarize)


def test_ndcg_one_gold_at_rank_3():
    assert ndcg_at_k(["a", "b", "g"], ["g"]) == pytest.approx(1 / math.log2(4))


def test_ndcg_two_golds():
    # golds at ranks 1 and 3: (1 + 1/log2(4)) / (1 + 1/log2(3))
    assert ndcg_at_k(["g1", "x", "g2"], ["g1", "g2"]) == pytest.approx((1 + 0.5) / (1 + 1 / math.log2(3)))


def test_rank_metrics():
    ranked = ["x", "g", "x", "h"]  # duplicates collapse: x, g, h
    assert hit_at_k(ranked, ["g"], 1) == 0.0 and hit_at_k(ranked, ["g"], 2) == 1.0
    assert recall_at_k(ranked, ["g", "h", "z"], 3) == pytest.approx(2 / 3)
    assert mrr(ranked, ["h"]) == pytest.approx(1 / 3)
    assert mrr(ranked, ["nope"]) == 0.0


def test_alias_matching_is_whole_word_and_normalized():
    assert contains_alias("It was signed on Dec. 13, 2024.", "dec 13")
    assert not contains_alias("to maintain ties", "AI")
    assert contains_alias("AI and quantum", "ai")
    assert matched_groups("Carter and Deng signed", [["Carter"], ["Deng", "Xiaoping"], ["1979"]]) == [True, True, False]


def test_judge_and_summary():
    qa = Question("a", "When?", [["1979"]], ["d1"], True)
    qu = Question("u", "Budget?", [], [], False)
    oa = Outcome("a", "When?", "In 1979 [1]", False, [{"doc_id": "d2", "text": "signed in 1979"}], ["d2", "d1"], 10.0)
    ou = Outcome("u", "Budget?", "The articles don't say.", True, [], [], 30.0)
    judge(qa, oa), judge(qu, ou)
    assert oa.correct and ou.correct
    s = summarize([qa, qu], [oa, ou], 5)
    assert s["answer_accuracy"] == 1.0 and s["abstention_recall"] == 1.0 and s["false_abstention"] == 0.0
    assert s["mrr"] == 0.5 and s["citation_precision"] == 1.0 and s["citation_recall"] == 1.0
    assert s["latency_p50_ms"] == 20.0
    assert citation_good(qa, {"doc_id": "d9", "text": "nothing"}) is False


def test_percentile():
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([5], 95) == 5


def test_questions_file_errors_name_the_line(tmp_path):
    p = tmp_path / "q.jsonl"
    good = {"id": "1", "question": "When?", "answers": [["1979"]], "sources": [], "answerable": True}
    p.write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(BadQuestionsFile, match=r"q.jsonl:2: not valid JSON"):
        load_questions(p)
    p.write_text(json.dumps({**good, "answers": "1979"}) + "\n")
    with pytest.raises(BadQuestionsFile, match=r"q.jsonl:1: \"answers\""):
        load_questions(p)
    p.write_text(json.dumps({k: v for k, v in good.items() if k != "sources"}) + "\n")
    with pytest.raises(BadQuestionsFile, match="missing field"):
        load_questions(p)


def test_yes_no_answers_must_open_with_the_right_verdict():
    q = Question("y", "Does it cover AI?", [["AI"]], ["d"], True, "yes_no", "test", "no")
    right = Outcome("y", q.question, "No — it excludes AI [1]", False, [], [], 1.0)
    wrong = Outcome("y", q.question, "Yes — it covers AI [1]", False, [], [], 1.0)
    judge(q, right), judge(q, wrong)
    assert right.correct and not wrong.correct and "No" in wrong.failure
    assert starts_with_polarity("no, it does not", "no") and not starts_with_polarity("Nothing", "no")


def test_breakdown_per_split_and_category():
    qs = [Question("a", "q", [["x"]], [], True, "paraphrase", "dev"), Question("b", "q", [["x"]], [], True, "paraphrase", "test"),
          Question("c", "q", [], [], False, "off_topic", "test")]
    outs = [Outcome("a", "q", "x", False, [], [], 1.0), Outcome("b", "q", "y", False, [], [], 1.0),
            Outcome("c", "q", "", True, [], [], 1.0)]
    for q, o in zip(qs, outs):
        judge(q, o)
    b = breakdown(qs, outs, 5)
    assert b["dev"]["all"]["answer_accuracy"] == 1.0 and b["test"]["paraphrase"]["answer_accuracy"] == 0.0
    assert b["test"]["off_topic"]["abstention_recall"] == 1.0 and b["test"]["off_topic"]["answer_accuracy"] is None


def test_history_and_split_are_read(tmp_path):
    p = tmp_path / "test.jsonl"
    p.write_text(json.dumps({"id": "f", "question": "who signed it?", "answers": [["Carter"]], "sources": [],
                             "answerable": True, "category": "followup", "history": ["What is the STA?"]}) + "\n")
    (q,) = load_questions(p)
    assert q.split == "test" and q.history == ["What is the STA?"] and q.kind == "followup"
    with pytest.raises(BadQuestionsFile, match="history"):
        p.write_text(json.dumps({"id": "f", "question": "x", "answers": [], "sources": [], "answerable": False,
                                 "history": "nope"}) + "\n")
        load_questions(p)


def test_shipped_question_files_are_valid_and_split():
    from conftest import ROOT

    dev = load_many([ROOT / "evals" / "dev.jsonl"])
    test = load_many([ROOT / "evals" / "test.jsonl"])
    assert {q.split for q in dev} == {"dev"} and {q.split for q in test} == {"test"}
    assert len(dev) + len(test) >= 200 and not {q.id for q in dev} & {q.id for q in test}
    assert sum(not q.answerable for q in test) >= 15



def test_every_shipped_answer_group_can_match_an_article():
    """A key written as a stem ('renew' for 'renewal') can never be met, since answers are matched whole-word."""
    from conftest import ROOT
    from rag.metrics import dead_groups

    texts = [p.read_text().replace("'", " ").replace('"', " ") for p in sorted((ROOT / "corpus").glob("*.md"))]
    assert dead_groups(load_many([ROOT / "evals" / "dev.jsonl", ROOT / "evals" / "test.jsonl"]), texts) == []


def test_dead_groups_names_a_stem_key_and_spares_polar_words():
    from rag.metrics import dead_groups

    q = Question("q1", "Renewed?", [["renew"], ["renewal", "x"], ["No"]], ["d"], True)
    assert dead_groups([q], ["The renewal came late."]) == [("q1", ["renew"])]
