""""What did the captains think…?" hears a passage giving the captains' say (``rag.voicepool``)."""

from dataclasses import dataclass, field

from rag.schema import Passage
from rag.voicepool import speaker_pool, voices
from candkit import RecordingRetriever


def _passage(cid: str, text: str) -> Passage:
    return Passage(chunk_id=cid, doc_id=cid.split(":")[0], text=text, start=0, end=len(text), sentences=[(0, len(text))])


@dataclass
class Q:
    text: str
    speaker: str = ""
    terms: list = field(default_factory=list)


def test_a_speaker_question_searches_once_more_by_the_speakers_word():
    held = _passage("a:0", "The ferry deal was renewed in May.")
    named = _passage("a:1", "The captains' union was founded in 1950.")  # names them, tells no say of theirs
    said = _passage("b:0", "Several captains warned that scrapping the ferry deal would strand the islands.")
    r = RecordingRetriever([held, named, said])
    q = Q("what did the captains think dropping the deal would do?", speaker="captain", terms=["captain", "drop", "deal"])
    assert speaker_pool(r, q, "vec", [held]) == [said]
    terms, qvec, diversify = r.asked[0]
    assert terms == ["captain"] and qvec == "vec" and not diversify
    assert speaker_pool(r, Q("why was the deal renewed?", terms=["deal", "renew"]), "vec", [held]) == []
    assert len(r.asked) == 1  # no second search for a question asking no one's say


def test_a_word_of_the_speakers_stem_in_another_sense_is_no_say():
    assert voices("captain", "Two captains noted that fares will rise.")
    assert not voices("offici", "It was the first official pact between the United States and Chile.")
