from types import SimpleNamespace as S

from rag.contrast import COMPARE_THESIS, thesis_first
from rag.evidence import Candidate
from rag.text import terms, topic_text


def _c(text, score, doc="a"):
    return Candidate(0, S(kind="body", doc_id=doc), 0, len(text), text, set(terms(text)), score=score)


def test_correcting_sentence_wins_a_near_tie_in_a_named_comparison():
    plain, thesis = _c("The ferry remains a part of harbour life.", 0.52), _c("The ferry is not a luxury but a lifeline.", 0.50)
    out = thesis_first(S(named_docs={"a", "b"}, sides=[]), [plain, thesis])
    assert out[0].text == thesis.text and abs(out[0].score - (0.50 + COMPARE_THESIS)) < 1e-9


def test_far_better_sentence_and_sided_comparisons_are_left_alone():
    plain, thesis = _c("The ferry remains a part of harbour life.", 0.70), _c("The ferry is not a luxury but a lifeline.", 0.50)
    assert thesis_first(S(named_docs={"a", "b"}, sides=[]), [plain, thesis])[0] is plain
    assert thesis_first(S(named_docs={"a", "b"}, sides=[["port"], ["council"]]), [plain, thesis])[0] is plain


def test_framing_and_habitual_words_carry_no_topic():
    assert terms(topic_text("per the dock column, how is it different from how it used to be?")) == ["dock", "column", "differ"]
    assert "use" in terms(topic_text("what boats are used to carry cars?"))


# --- "old vs new": a sentence telling the change answers for both times (rag.contrast.in_time / tells_change) ---

def _p(text, doc="a"):
    from rag.schema import Passage
    return Passage(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=0, end=len(text), sentences=[(0, len(text))],
                   title="", outlet="", authors=[], date="", url="", kind="body")


def _cp(text, score, doc="a"):
    return Candidate(0, _p(text, doc), 0, len(text), text, set(terms(text)), score=score)


def test_sides_in_time_are_old_and_new_or_years():
    from rag.contrast import in_time
    assert in_time([["old"], ["new"]]) and in_time([["1990"], ["2024"]]) and in_time([["origin"], ["now"]])
    assert not in_time([["port"], ["council"]]) and not in_time([["old"]])


def test_a_change_is_told_by_a_verb_of_change_from_to_or_no_longer():
    from rag.contrast import tells_change
    assert tells_change("The ferry service shifted from a luxury to a lifeline.")
    assert tells_change("The harbour is no longer a fishing port.")
    assert tells_change("Rather than one big boat, the port now runs three small ones.")
    assert not tells_change("Routes range from Oslo to Bergen.")  # a range, not a change
    assert not tells_change("The island, in turn, gained from the new pier to the south.")
    assert not tells_change("Rather than wait, the crew sailed.")  # a correction, not said of now


def test_old_vs_new_the_change_sentence_leads_the_comparison():
    from rag.compare import pick_compare
    q = S(sides=[["old"], ["new"]], named_docs={"a"}, within=True, intent="compare")
    cands = [_cp("The harbour board meets every spring.", 0.60), _cp("Ferries carry cars and bikes.", 0.58),
             _cp("The service has moved from open routes to a few guarded lanes.", 0.45)]
    chosen, why = pick_compare(q, cands)
    assert chosen[0].text.startswith("The service has moved") and why[0] == "change" and len(chosen) == 2


def test_change_sentence_far_below_the_best_or_sides_not_in_time_are_left_alone():
    from rag.compare import pick_compare
    cands = [_cp("The harbour board meets every spring.", 0.60), _cp("Ferries carry cars and bikes.", 0.58),
             _cp("The service has moved from open routes to a few guarded lanes.", 0.30)]
    q = S(sides=[["old"], ["new"]], named_docs={"a"}, within=True, intent="compare")
    assert "change" not in pick_compare(q, cands)[1]
    cands[2].score = 0.45
    q2 = S(sides=[["port"], ["council"]], named_docs={"a"}, within=True, intent="compare", two_times=False)
    assert "change" not in pick_compare(q2, cands)[1]


# --- a comparison's topic without the words asking what each side says (rag.compare.frame_terms) ---

def test_verbs_of_saying_and_seeing_are_no_topic_of_a_comparison():
    from rag.compare import frame_terms
    q = "how do the harbour piece and the dock column each portray the fares?"
    assert frame_terms(q, ["harbour", "dock", "portray", "fare"]) == {"portray"}
    assert frame_terms("what does each think the pier needs?", ["think", "pier", "need"]) == {"think"}
    assert frame_terms("do they see the new pier the same way?", ["see", "new", "pier", "way"]) == {"see"}
    assert frame_terms("how do the ferry fares differ?", ["ferri", "fare"]) == set()


# --- named articles side by side: each heard at its three best sentences (rag.compare.quota) ---

def _at(text, score, doc, start):
    from dataclasses import replace
    return Candidate(0, replace(_p(text, doc), start=start, chunk_id=f"{doc}:{start}"), 0, len(text), text,
                     set(terms(text)), score=score)


def _harbour_and_dock():
    return [_at("The harbour board meets every spring.", 0.60, "a", 0),
            _at("Ferries on the north route carry cars.", 0.58, "a", 100),
            _at("The harbour piece calls the ferry a lifeline for islanders.", 0.50, "a", 200),
            _at("The dock column counts the gulls on the pier.", 0.40, "b", 0),
            _at("Dock workers unload fish at dawn.", 0.30, "b", 100),
            _at("The column wants the ferry priced like a taxi.", 0.26, "b", 200)]


def test_two_named_articles_are_each_heard_at_three_sentences():
    from rag.compare import pick_compare
    q = S(sides=[], named_docs={"a", "b"}, within=False, intent="compare", text="", two_times=False)
    chosen, _ = pick_compare(q, _harbour_and_dock())
    assert [c.doc_id for c in chosen].count("a") == 3 and [c.doc_id for c in chosen].count("b") == 3
    assert any("taxi" in c.text for c in chosen) and any("lifeline" in c.text for c in chosen)


def test_one_named_article_keeps_two_sentences_an_article():
    from rag.compare import pick_compare
    q = S(sides=[], named_docs={"a"}, within=False, intent="compare", text="", two_times=False)
    chosen, _ = pick_compare(q, _harbour_and_dock())
    assert [c.doc_id for c in chosen].count("a") == 2 and not any("lifeline" in c.text for c in chosen)


# --- two times with no sides: the "But now…" sentence after a chosen one about the past (rag.compare.present_after) ---

def test_question_with_two_time_words_asks_two_times():
    from rag.contrast import asks_two_times
    assert asks_two_times("in the port piece, how did the ferry's first decades compare with how it's seen now?")
    assert not asks_two_times("how do the port piece and the dock column differ?")


def test_but_now_sentence_after_a_chosen_past_one_joins_a_two_times_comparison():
    from rag.compare import pick_compare
    from rag.schema import Passage
    past, now = "The ferry was the first route opened after the war.", "But now after seventy years, it is in danger."
    text = past + " " + now
    p = Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=[(0, len(past)), (len(past) + 1, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body")
    cands = [Candidate(0, p, 0, len(past), past, set(terms(past)), score=0.60),
             _cp("Ferries carry cars and bikes on the first route.", 0.58),
             Candidate(0, p, len(past) + 1, len(text), now, set(terms(now)), score=0.20)]
    from rag.contrast import asks_two_times
    ask = "how did the ferry's first decades compare with now?"
    q = S(sides=[], named_docs={"a"}, within=True, intent="compare", text=ask, two_times=asks_two_times(ask))
    chosen, why = pick_compare(q, cands)
    assert [c.text for c in chosen][:2] == [past, now] and why[1] == "present"
    ask2 = "how does the port piece describe the ferry?"
    q2 = S(sides=[], named_docs={"a"}, within=True, intent="compare", text=ask2, two_times=asks_two_times(ask2))
    assert "present" not in pick_compare(q2, cands)[1]


# --- a party set against one named article's writer (rag.voices.party_side, rag.compare.party_and_writer) ---

def test_the_first_side_is_the_party_whose_view_is_asked_not_the_words_after_its_verb():
    from rag.sides import sides_of
    assert sides_of("how do harbour pilots see the fee versus the writer of the dock piece?")[0] == "harbour pilots"
    assert sides_of("what do the critics in the dock piece say about it compared with the port?")[0] == "critics"


def test_a_named_party_is_heard_where_named_and_the_article_in_its_own_voice():
    from rag.compare import pick_compare
    q = S(sides=[], party=["pilot"], named_docs={"dock"}, within=False, intent="compare", two_times=False,
          when=False)
    cands = [_cp("Pilots called the fee a tax on safety.", 0.80, "dock"),
             _cp("Pilots have lobbied the board for years.", 0.75, "dock"),
             _cp("The fee should be renewed with a cap.", 0.40, "dock"),
             _cp("Fees rose in May.", 0.70, "port")]
    chosen, why = pick_compare(q, cands)
    assert [c.text for c in chosen] == ["Pilots called the fee a tax on safety.", "The fee should be renewed with a cap."]
    assert why == ["party", "writer"]


def test_the_writers_own_view_is_heard_before_its_sentences_repeating_the_topic():
    from rag.compare import pick_compare
    q = S(sides=[], party=["pilot"], named_docs={"dock"}, within=False, intent="compare", two_times=False,
          when=False)
    cands = [_cp("Pilots called the fee a tax on safety.", 0.80, "dock"),
             _cp("Fee risks grew as traffic rose.", 0.50, "dock"),
             _cp("Fee income funds the fee board.", 0.45, "dock"),
             _cp("The harbour fee remains a necessary safeguard.", 0.30, "dock")]
    chosen, why = pick_compare(q, cands)
    assert [c.text[:11] for c in chosen] == ["Pilots call", "The harbour", "Fee risks g"]


def test_compare_with_joins_two_clauses_set_side_by_side():
    from rag.sides import sides_of
    assert sides_of("how does the dock view compare with what the pilots want?") == ["dock", "pilots"]


def test_a_stance_party_or_two_named_articles_are_read_as_before():
    from rag.compare import party_and_writer
    cands = [_cp("Critics fear the fee.", 0.8, "dock")]
    stance = S(party=["concern", "fear", "risk", "threat"], named_docs={"dock"}, within=False)
    assert party_and_writer(stance, cands) is None
    assert party_and_writer(S(party=["critic"], named_docs={"dock", "port"}, within=False), cands) is None


# --- a rivalry named in general terms, then what each side did (rag.compare.reply_after) ---

def _rivalry(second: str):
    from tests.candkit import cands
    return cands("a", ["The port and the council are locked in a tit-for-tat contest.", second], [0.6, 0.2]) + \
        cands("b", ["Ferry fares rose again in May."], [0.58])


def test_the_sentence_opening_with_one_partys_reply_joins_the_rivalry_it_follows():
    from rag.compare import pick_compare
    q = S(sides=[], named_docs=set(), within=False, intent="compare", two_times=False)
    chosen, why = pick_compare(q, _rivalry("In response to the port's fees, the council cut its berths."))
    assert [c.text[:14] for c in chosen] == ["The port and t", "In response to", "Ferry fares ro"]
    assert why[1] == "reply"


def test_a_conceding_while_is_no_reply():
    from rag.compare import pick_compare
    q = S(sides=[], named_docs=set(), within=False, intent="compare", two_times=False)
    assert "reply" not in pick_compare(q, _rivalry("While trust has waned, the need for the ferry remains."))[1]
