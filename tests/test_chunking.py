from rag.chunking import chunk_document, split_sentences
from rag.corpus import load_corpus
from rag.schema import Document

from conftest import CORPUS


def test_abbreviations_do_not_split_sentences():
    body = "The U.S. renewed it on Dec. 13 with China. Dr Zhang agreed. It lasts five years."
    sents = [body[s.start:s.end] for s in split_sentences(body)]
    assert sents == ["The U.S. renewed it on Dec. 13 with China.", "Dr Zhang agreed.", "It lasts five years."]


def test_real_corpus_chunks_are_whole_sentences_with_exact_offsets():
    for doc in load_corpus(CORPUS).documents:
        chunks = chunk_document(doc, 80, 160, 1)
        assert chunks
        for c in chunks:
            assert doc.body[c.start:c.end] == c.text
            assert c.text.rstrip()[-1] in ".?!\"”'’)" or c.text.lstrip().startswith("#") or c.end == len(doc.body.rstrip()), c.text[-40:]
            for s, e in c.sentences:
                assert 0 <= s < e <= len(c.text)
            words = len(c.text.split())
            assert words <= 160 + 60  # one long sentence may overflow the budget, never by much
        # one sentence of overlap between consecutive chunks
        for a, b in zip(chunks, chunks[1:]):
            last = a.text[a.sentences[-1][0]:a.sentences[-1][1]]
            assert b.text.startswith(last)
        # every citable sentence of the document lands in some chunk
        covered = {c.start + s for c in chunks for s, _ in c.sentences}
        assert {s.start for s in split_sentences(doc.body) if s.citable} <= covered


def test_chunk_ids_are_deterministic():
    d = Document("d", body="One sentence here. " * 50)
    assert [c.id for c in chunk_document(d)] == [c.id for c in chunk_document(d)]


def test_a_very_long_paragraph_is_segmented_in_pieces_with_the_same_sentences():
    """pysbd's time grows with the square of its input, so paragraphs over MAX_SEGMENT_CHARS are cut at
    sentence ends first; the sentences found, and their offsets, are those of the whole paragraph."""
    from rag.chunking import MAX_SEGMENT_CHARS

    sents = [f"The U.S. lab number {i} opened on Dec. {i % 28 + 1} with Dr Zhang and {i * 7} researchers."
             for i in range(400)]
    body = "Intro paragraph.\n\n" + " ".join(sents) + "\n\nLast paragraph."
    assert len(body) > 10 * MAX_SEGMENT_CHARS
    got = [body[s.start:s.end] for s in split_sentences(body)]
    assert got == ["Intro paragraph.", *sents, "Last paragraph."]
