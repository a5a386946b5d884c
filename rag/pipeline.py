"""The ask pipeline: understand (one ``Query``) → retrieve → select → cite.

``Pipeline`` loads the model and the index once; ``ask`` is then fast and
thread-safe (it only reads). The CLI, the eval runner and the chat page all go
through here, so they give the same answers.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial

from rag import answering
from rag.bylines import collection_note
from rag.composing import abstention_message, compose
from rag.abstain import spelled_out, unknown_terms
from rag.codes import unwritten_codes
from rag.config import Config
from rag.querycache import documents_with_query
from rag.docnames import unwritten_programmes
from rag.errors import BadQuestion
from rag.followup import Turn, rewrite
from rag.fragments import no_known_subject, own_content
from rag.vague import about_subject
from rag.index import Index
from rag.lapse import interim_pool
from rag.narrowing import course_pool
from rag.livesonpool import lives_on_pool, renewal_pool
from rag.stakes import stakes_pool
from rag.parts import unwritten_parts
from rag.persons import writer_as_person
from rag.query import Query, understand
from rag.schema import Answer
from rag.sidepool import side_pool
from rag.text import drop_format_chars
from rag.timing import timed_pool
from rag.voicepool import speaker_pool

EXTRA_CANDIDATE_PASSAGES = 5  # sentences are drawn from k + this many passages

# Control characters, line separators and lone surrogates (from bad bytes or a JSON "\ud800"), which
# tokenizers reject. (Zero-width and other format characters are deleted first: they sit inside words.)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")
# compare of named articles: passages added per article beyond the pool, enough for a whole article (11 at most
# here). The question's words that name the articles rank their passages, not its topic; the one sentence an
# article answers with may sit in its last-ranked passage (4: d2-062's "AI" sentence of the op-ed never heard)
NAMED_EXTRA = 20
MAX_K = 20  # passages per question: more only slows answers down
NOTHING_MORE = "That is all the articles say on this. Ask about another part of the agreement."


@dataclass
class CleanQuestion:
    text: str
    notice: str = ""


def clean_question(raw, max_chars: int) -> CleanQuestion:
    """Strip control characters, collapse whitespace, truncate overlong questions.

    >>> clean_question("  When\\x00 was it\\nsigned? ", 100).text
    'When was it signed?'
    """
    if raw is None:
        raise BadQuestion("The question is empty. Type a question about the articles, e.g. 'When was the STA first signed?'")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    text = unicodedata.normalize("NFC", drop_format_chars(str(raw)))
    text = _CONTROL.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise BadQuestion("The question is empty. Type a question about the articles, e.g. 'When was the STA first signed?'")
    notice = ""
    if len(text) > max_chars:
        cut = text[:max_chars]
        text = cut[: cut.rfind(" ")] if " " in cut[max_chars // 2:] else cut
        notice = f"Your question was longer than {max_chars} characters; only the first {len(text)} were used."
    return CleanQuestion(text, notice)


def named_extra(query: Query, ranked: list, pool: list) -> list:
    """A comparison of named articles: each named article's best passages of ``ranked`` (best first) that
    ``pool`` lacks, ``NAMED_EXTRA`` per article.

    Diversified retrieval gives each article a few passages; when a question sets two articles side by
    side ("do the harbour piece and the dock column agree on what the mayor did?"), the one sentence of
    an article that speaks to it may sit in a passage just below that cut.
    """
    have = {p.chunk_id for p in pool}
    out, per = [], {}
    for p in ranked:
        if p.doc_id in query.named_docs and p.chunk_id not in have and per.get(p.doc_id, 0) < NAMED_EXTRA:
            out.append(p)
            per[p.doc_id] = per.get(p.doc_id, 0) + 1
    return out


class Pipeline:
    def __init__(self, cfg: Config, embedder=None, client=None, check_stale: bool = True, generator=None):
        t0 = time.perf_counter()
        self.cfg = cfg
        if generator is None and cfg.llm:
            from rag.generation import Generator

            generator = Generator.from_config(cfg)
        self.generator = generator
        if embedder is None:
            from rag.models import load_embedder, resolve

            # A missing index is reported before spending seconds loading the model.
            self.index = Index(cfg, resolve(cfg).id, client=client)
            self.index.collection()
            embedder = load_embedder(cfg)
        else:
            self.index = Index(cfg, embedder.id, client=client)
        self.embedder = embedder
        self.info = self.index.check(embedder.dim)
        from rag.retrieval import Retriever

        self.retriever = Retriever(self.index, embedder)
        self.stale_notice = self._stale_notice() if check_stale else ""
        from rag.sources import opening_words

        seen = self.retriever.articles()  # an article without a headline is listed by its opening words
        for a in seen:
            a["opening"] = opening_words(a["opening"]) if a["opening"] else ""
        self._authors = {d["doc_id"]: d["authors"] for d in seen}  # in the article table's order
        self.documents = sorted(seen, key=lambda d: (d["date"] or "9999", d["title"]))
        self.retriever.lexicon.name_untitled({d["doc_id"]: d["opening"] for d in seen if not d["title"]},
                                             unsigned={d["doc_id"] for d in seen if not d["authors"]})
        self.load_seconds = time.perf_counter() - t0

    def _stale_notice(self) -> str:
        from rag.corpus import corpus_hash, load_corpus

        try:
            docs = load_corpus(self.cfg.corpus_dir, self.cfg.max_article_bytes).documents
        except Exception:
            return ""  # no corpus here (e.g. a chat server reading a shared Chroma): nothing to compare
        if docs and corpus_hash(docs) != self.info.corpus_hash:
            fix = "rag ingest" + ("" if self.cfg.model == "minilm" else f" --model {self.cfg.model}")
            return f"The index is older than the articles in {self.cfg.corpus_dir}; answers may be out of date. Run: {fix}"
        return ""

    def understand(self, question, history: list[Turn] | None = None) -> Query:
        """The ``Query`` for a question: cleaned, follow-up resolved, spelling fixed, intent read; built once."""
        q = clean_question(question, self.cfg.max_question_chars)
        r = self._resolve(q.text, history or [])
        r = replace(r, text=writer_as_person(r.text, self._writers_of))  # "where does the RS writer work?"
        phrases = self._article_phrases()
        # a run's embedding also encodes the question, which ``_prepare`` embeds next (one model call, not two)
        with_question = partial(phrases.phrases_for, embed=documents_with_query(self.embedder, r.text)) if phrases else None
        return understand(q.text, r.text, self.retriever.lexicon, more=r.more, shown=[tuple(s) for s in r.shown],
                          notice=q.notice, article_word=self._article_words().word_for, article_phrases=with_question)

    def _article_words(self):
        """The articles' words by their embedding, built once: their vectors as the ingest saved them, else embedded
        on first use (~1k words on the real corpus, under 1 s)."""
        if getattr(self, "_words", None) is None:
            from rag.article_words import ArticleWords

            self._words = ArticleWords.of_lexicon(self.retriever.lexicon, self.embedder.embed_documents,
                                                  self.index.bm25_dir())
        return self._words

    def _article_phrases(self):
        """The articles' short phrases as the ingest saved them with the generation, read once (None without them:
        their mapping is skipped, never embedded at question time)."""
        if not hasattr(self, "_phrases"):
            from rag.article_phrases import load

            self._phrases = load(self.index.bm25_dir(), self.embedder.embed_documents)
        return self._phrases

    def _writers_of(self, text: str) -> list[str]:
        """The writers of the articles ``text`` names ("the RS piece"), from the list of articles made at start."""
        named = self.retriever.lexicon.referenced_docs(text)
        return [a for d, authors in self._authors.items() if d in named for a in authors]

    def _resolve(self, text: str, history: list[Turn]):
        """The follow-up rewrite, read on the spelling-corrected question ("what aboout the RS one" is an
        ellipsis too); a question that needs no rewrite stays as typed (spelling is fixed in ``understand``)."""
        if not history:  # "why does it matter?" opening a conversation: about what the collection is about
            r = rewrite(text, history)
            bare = own_content(r.text) == 0 or no_known_subject(r.text, self.retriever.lexicon.known)
            return replace(r, text=about_subject(r.text, self.cfg.subject)) if bare else r
        fixed = self.retriever.lexicon.speller.correct(text)[0]
        r = rewrite(fixed, history, weight=self.retriever.lexicon.idf, known=self.retriever.lexicon.known)
        return r if r.text != fixed or r.more or fixed == text else replace(r, text=text)

    def _prepare(self, question, history: list[Turn] | None, k: int | None) -> "_Prepared":
        """Understand, retrieve and select: everything an answer needs before its text is written."""
        t0 = time.perf_counter()
        query = self.understand(question, history)
        k = max(1, min(int(k or self.cfg.k), MAX_K))
        unknown = unknown_terms(query, self.retriever.lexicon)
        qvec = self.embedder.embed_query(query.meant or query.text)  # once: no refusal reads the question without some words
        # The answer may quote from a few passages beyond the k reported as retrieved.
        pool = self.retriever.search(query, k, qvec=qvec, extra=EXTRA_CANDIDATE_PASSAGES)
        passages = pool[:k]
        if (query.meant or (query.intent == "compare" and query.within)) and not query.about_articles:
            pool = pool + named_extra(query, self.retriever.search(query, MAX_K, qvec=qvec, extra=MAX_K), pool)
        pool = pool + side_pool(self.retriever, self.embedder, query, pool)  # comparisons: each side searched on its own
        pool = pool + interim_pool(self.retriever, query, pool)  # "how come it was up in the air?": its lapse
        pool = pool + speaker_pool(self.retriever, query, qvec, pool)  # "what did the scientists think…?": a passage naming them
        pool = pool + course_pool(self.retriever, query, pool)  # "how have ties changed?": their narrowing
        pool = pool + lives_on_pool(self.retriever, query, pool)  # "is it dead or alive?": whether it lives on
        pool = pool + renewal_pool(self.retriever, query, pool)  # ...and the renewal that decided it, told to the day
        pool = pool + stakes_pool(self.retriever, query, pool)  # "why should I care?": the shared problems at stake
        pool = pool + timed_pool(self.retriever, query, pool)  # "which piece was written before X?": all each says of X
        if query.gist:
            pool = self.retriever.gist_passages(query.named_docs)
            passages = pool[:k]
        elif query.about_articles:  # "which writers…" asks for bylines, a list of them or not
            every = [d["doc_id"] for d in self.documents] if query.every_article else []  # "these articles": all
            named = sorted(query.named_docs) + every + [p.doc_id for p in pool[:3]]
            pool = pool + self.retriever.cards_for(named, exclude={p.chunk_id for p in pool})
        elif query.intent in ("list", "overview"):  # a bulleted section whose subheading states what is asked
            pool = pool + self.retriever.listed_sections(query, exclude={p.chunk_id for p in pool})
        if query.intent == "overview" and not query.gist:  # its sentences are discounted by how typical they are
            pool = self.retriever.typical(pool)
        unknown = spelled_out(unknown, query.text, pool)  # an acronym the passages write out is known after all
        unknown = unwritten_parts(unknown, query.text, pool)  # "article 3" that no passage writes is an unknown name
        unknown = unwritten_codes(unknown, query.text, pool)  # "my j-1 visa" that no passage writes: an unknown name
        unknown = unwritten_programmes(unknown, query.text, pool)  # "the china initiative" no passage writes
        t1 = time.perf_counter()
        decision = answering.select(query, pool, self.retriever.lexicon, unknown=unknown)
        if query.every_article and not decision.abstained:  # "how many articles are there?": all, and the bare ones
            decision.prefix = collection_note(query, len(self.documents), len({c.doc_id for c in decision.sentences}))
        return _Prepared(query, decision, passages, t0, t1)

    def ask(self, question, history: list[Turn] | None = None, k: int | None = None) -> Answer:
        s = self._prepare(question, history, k)
        return self._answer(s, *self._answer_text(s.query, s.decision, s.passages))

    def ask_stream(self, question, history: list[Turn] | None = None, k: int | None = None) -> Iterator[Answer]:
        """Like ``ask``, but a generative answer arrives sentence by sentence, each one verified.

        Yields answers that grow; the last one is complete (``debug["partial"]`` is False).
        Extractive answers and abstentions come as one complete answer.
        """
        s = self._prepare(question, history, k)
        if s.decision.abstained or self.generator is None:
            yield self._answer(s, *self._answer_text(s.query, s.decision, s.passages))
            return
        from rag.generation import GenerationFailed

        try:
            for g in self.generator.stream(s.query.text, s.passages):
                yield self._answer(s, g.text, g.citations, "generative", "", g, partial=not g.final)
        except GenerationFailed as e:
            yield self._answer(s, *self._fallback(s.decision, e))

    def _answer(self, s: "_Prepared", text: str, cites, mode: str, gen_notice: str, gen=None,
                partial: bool = False) -> Answer:
        query, decision, passages = s.query, s.decision, s.passages
        t2 = time.perf_counter()
        notice = " ".join(x for x in (query.notice, self.stale_notice, gen_notice) if x)
        debug = {"reason": decision.reason, "spelling": query.fixes, **decision.signals}
        if gen is not None:
            debug["generation"] = {"generated": gen.generated, "dropped": gen.dropped, "reasons": gen.reasons,
                                   "seconds": gen.seconds, "usage": gen.usage}
            debug["partial"] = partial
        return Answer(
            question=query.asked, answer=text, abstained=decision.abstained, citations=cites, model=self.embedder.id,
            timings_ms={"retrieve": round((s.t1 - s.t0) * 1000, 2), "answer": round((t2 - s.t1) * 1000, 2),
                        "total": round((t2 - s.t0) * 1000, 2)},
            rewritten_question=query.resolved if query.resolved != query.asked else None,
            retrieved_doc_ids=list(dict.fromkeys(p.doc_id for p in passages)), notice=notice, mode=mode,
            disagree=decision.disagree, intent=query.intent, debug=debug)

    def _answer_text(self, query: Query, decision, passages):
        """(text, citations, mode, notice, generation stats or None)."""
        if decision.abstained and decision.sentences:  # "not stated": the card shows what the article does state
            text, cites = compose(decision)
            return text, cites, "extractive", "", None
        if decision.abstained:
            msg = NOTHING_MORE if decision.reason == "nothing_more" else abstention_message(self.documents, self.cfg.subject)
            return msg, [], "extractive", "", None
        if self.generator is None:
            text, cites = compose(decision)
            return text, cites, "extractive", "", None
        from rag.generation import GenerationFailed

        try:
            g = self.generator.answer(query.text, passages)
            return g.text, g.citations, "generative", "", g
        except GenerationFailed as e:
            return self._fallback(decision, e)

    @staticmethod
    def _fallback(decision, e) -> tuple:
        """The extractive answer, with a notice that says why the generated one is not shown."""
        from rag.verify import Generated

        text, cites = compose(decision)
        gen = e.generated or Generated("", [])  # no reply at all: nothing written, nothing dropped
        return text, cites, "extractive", f"{e}, so the answer quotes the articles instead.", gen


@dataclass
class _Prepared:
    query: Query
    decision: object
    passages: list
    t0: float
    t1: float
