"""Typing slips for `rag eval --slips`: one ordinary slip in one long word, repeatable, answer keys untouched."""

import random

from hypothesis import given, strategies as st
from rag.evalset import Question
from rag.slips import MIN_LETTERS, slip, with_slip, with_slips
from rag.spelling import Speller


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=MIN_LETTERS, max_size=14), st.integers(0, 10**6))
def test_a_slip_is_one_edit_after_the_first_letter(word, seed):
    from rapidfuzz.distance import OSA

    out = slip(word, random.Random(seed))
    assert out[0] == word[0] and OSA.distance(word, out) <= 1


def test_only_long_words_slip_and_short_questions_stay_as_typed():
    assert with_slip("is it ok to ask", random.Random(1)) == "is it ok to ask"
    got = with_slip("who signed it", random.Random(1))
    assert got.split()[0] == "who" and got.split()[2] == "it" and got != "who signed it"


def test_each_question_gets_its_own_repeatable_slip_and_keeps_its_key():
    qs = [Question(f"q{i}", "When was the agreement renewed?", [["2024"]], ["a"], True) for i in range(6)]
    once, again = with_slips(qs, 3), with_slips(qs, 3)
    assert [q.question for q in once] == [q.question for q in again]
    assert len({q.question for q in once}) > 1  # seeded by the id too, not one slip for all
    assert all(a.answers == b.answers and a.id == b.id for a, b in zip(qs, once))


def test_the_speller_undoes_the_slips_it_is_measured_with():
    # a speller that knows the word brings back most slipped forms of it (the rest are real English words)
    speller, rng = Speller({"agreement", "renewed", "protocols"}), random.Random(0)
    words = ["agreement", "renewed", "protocols"] * 10
    back = sum(speller.correct(slip(w, rng))[0] == w for w in words)
    assert back >= 27


def test_the_warming_threads_import_nothing_the_starting_thread_has_not():
    """Two threads importing at once can deadlock (CPython's _DeadlockError killed `rag serve` at start while the
    model's imports ran beside the dictionary warm-up): the warm-ups import in the calling thread first."""
    import subprocess
    import sys

    code = ("import sys, threading\n"
            "threading.Thread.start = lambda self: None  # the thread never runs: only the caller imports\n"
            "from rag.spelling import Speller, warm_in_background\n"
            "warm_in_background(); Speller(set()).warm()\n"
            "need = ['importlib.abc', 'importlib.metadata', 'importlib.resources', 'symspellpy', 'wordfreq']\n"
            "print(sorted(m for m in need if m not in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "[]"
