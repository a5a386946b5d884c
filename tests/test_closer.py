"""A comparison hears first a sentence far closer in meaning than every one it chose (rag.closer.closest_first)."""

from types import SimpleNamespace as S

from rag.compare import pick_compare
from rag.evidence import Candidate
from rag.schema import Passage
from rag.text import terms


def _c(text, score, sim, doc="a"):
    p = Passage(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=0, end=len(text), sentences=[(0, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body")
    return Candidate(0, p, 0, len(text), text, set(terms(text)), score=score, sim=sim)


def _ferries(closest_sim):
    # the harbour piece's two best restate the topic; its third names the contrast asked in its own words
    return [_c("The harbour and the port have both run ferries for decades.", 0.60, 0.55),
            _c("Ferry talks between the harbour and the port are a priority.", 0.59, 0.52),
            _c("The port pays its crews more than the harbour does.", 0.58, 0.56, doc="b"),
            _c("The two have complementary strengths.", 0.57, closest_sim)]


def _q(sides=()):
    return S(sides=list(sides), named_docs=set(), within=False, intent="compare", text="", two_times=False)


def test_a_sentence_far_closer_in_meaning_leads_a_comparison_though_its_article_is_full():
    chosen, why = pick_compare(_q(), _ferries(0.70))
    assert chosen[0].text == "The two have complementary strengths." and why[0] == "closest" and len(chosen) == 4


def test_a_sentence_only_a_little_closer_or_a_sided_comparison_is_left_alone():
    assert "closest" not in pick_compare(_q(), _ferries(0.62))[1]  # within the margin of the chosen ones
    assert "closest" not in pick_compare(_q([["harbour"], ["port"]]), _ferries(0.70))[1]  # sides pick by their words


def test_an_article_speaking_twice_leaves_room_for_one_more_voice():
    # the harbour piece's two best take two of the four slots; the critics' sentence, fifth by score, is still heard
    cands = [_c("A testament to careful policy in hard times.", 0.70, 0.40, doc="c"),
             _c("The harbour gives a framework for crews.", 0.69, 0.40),
             _c("Its pilots rest on shared training schedules.", 0.68, 0.40),
             _c("A cornerstone of coastal trade for decades.", 0.67, 0.40, doc="b"),
             _c("Critics call the ferry deal a giveaway.", 0.66, 0.40, doc="b")]
    chosen, _ = pick_compare(_q(), cands)
    assert len(chosen) == 5 and chosen[-1].text.startswith("Critics")
    apart = [_c(c.text, c.score, c.sim, doc=str(i)) for i, c in enumerate(cands)]  # five articles: four voices
    assert len(pick_compare(_q(), apart)[0]) == 4
