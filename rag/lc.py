"""The thin LangChain adapter: the only module that touches LangChain objects.

Used for the "standard recipe" baseline that a user would otherwise build:
RecursiveCharacterTextSplitter(1000, 200) + the same embedding model +
Chroma similarity search (k=4), answer = the top chunk.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.schema import Document


@dataclass
class RecipeHit:
    doc_id: str
    text: str
    start: int


def _embeddings(embedder):
    from langchain_core.embeddings import Embeddings

    class _Adapter(Embeddings):
        def embed_documents(self, texts):
            return embedder.embed_documents(list(texts)).tolist()

        def embed_query(self, text):
            return embedder.embed_query(text).tolist()

    return _Adapter()


def recipe_split(docs: list[Document], chunk_size: int = 1000, overlap: int = 200) -> list[tuple[str, str, int]]:
    """(doc_id, text, start) chunks as the LangChain recipe makes them."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap, add_start_index=True)
    out = []
    for d in docs:
        for piece in splitter.create_documents([d.body], metadatas=[{"doc_id": d.id}]):
            out.append((d.id, piece.page_content, piece.metadata.get("start_index", -1)))
    return out


class Recipe:
    """The standard recipe over ``docs``, in an in-memory Chroma collection of its own."""

    def __init__(self, docs: list[Document], embedder, name: str = "recipe"):
        import chromadb
        from chromadb.config import Settings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document as LCDocument

        self.chunks = recipe_split(docs)
        client = chromadb.EphemeralClient(settings=Settings(anonymized_telemetry=False))
        self.store = Chroma(collection_name=name, embedding_function=_embeddings(embedder), client=client)
        docs = [LCDocument(page_content=t, metadata={"doc_id": d, "start": s}) for d, t, s in self.chunks]
        ids = [f"{d}:{i}" for i, (d, _, _) in enumerate(self.chunks)]
        step = client.get_max_batch_size()  # Chroma rejects larger batches (5461 here)
        for i in range(0, len(docs), step):
            self.store.add_documents(docs[i:i + step], ids=ids[i:i + step])

    def search(self, question: str, k: int = 4) -> list[RecipeHit]:
        return [RecipeHit(doc.metadata["doc_id"], doc.page_content, int(doc.metadata.get("start", -1)))
                for doc in self.store.similarity_search(question, k=k)]


# --- chat models for the optional generative mode ------------------------------------
# Everything LangChain about generation is here; rag.generation sees strings only.

LLM_EXTRA = "Generative mode needs the 'llm' extra. Run: pip install -e '.[llm]'"


@dataclass
class LLMSettings:
    provider: str  # "openai" (any OpenAI-compatible server) or "ollama"
    model: str
    base_url: str = ""
    max_tokens: int = 200
    timeout: float = 40.0  # seconds for the whole reply
    completion: bool = False  # one plain-text prompt on /v1/completions (models without a chat template)


def llm_model(s: LLMSettings):
    """A LangChain model bounded by ``max_tokens`` and ``timeout``, at temperature 0 (stop sequences: per call)."""
    try:
        if s.provider == "ollama":
            from langchain_ollama import ChatOllama, OllamaLLM

            cls = OllamaLLM if s.completion else ChatOllama
            return cls(model=s.model, base_url=s.base_url or "http://127.0.0.1:11434", temperature=0,
                       num_predict=s.max_tokens, client_kwargs={"timeout": s.timeout})
        from langchain_openai import ChatOpenAI, OpenAI
    except ImportError:
        from rag.errors import RagError

        raise RagError(LLM_EXTRA) from None
    common = dict(model=s.model, base_url=s.base_url or None, temperature=0, timeout=s.timeout, max_retries=0)
    if s.base_url:
        common["api_key"] = "local"  # OpenAI-compatible servers on your machine need none, the client wants one
    if s.completion:  # the completions endpoint takes `max_tokens` as it is
        return OpenAI(max_tokens=s.max_tokens, **common)
    if s.base_url:
        # ChatOpenAI sends its limit as `max_completion_tokens`, which OpenAI-compatible servers such as
        # llama.cpp's ignore (the reply then runs until the context is full): send `max_tokens` itself.
        return ChatOpenAI(extra_body={"max_tokens": s.max_tokens}, **common)
    return ChatOpenAI(max_tokens=s.max_tokens, **common)


def _messages(system: str, user: str):
    from langchain_core.messages import HumanMessage, SystemMessage

    return [SystemMessage(system), HumanMessage(user)] if system else [HumanMessage(user)]


def _text(msg) -> str:
    content = getattr(msg, "content", msg)
    if isinstance(content, list):
        return "".join(x.get("text", "") if isinstance(x, dict) else str(x) for x in content)
    return str(content)


def _input(system: str, user: str, completion: bool):
    return (f"{system}\n\n{user}" if system else user) if completion else _messages(system, user)


def llm_invoke(model, system: str, user: str, completion: bool = False, stop=()) -> tuple[str, dict]:
    """The reply's text and its token usage (``{}`` when the server does not say)."""
    msg = model.invoke(_input(system, user, completion), stop=list(stop) or None)
    usage = getattr(msg, "usage_metadata", None)
    return _text(msg), ({"input": usage.get("input_tokens"), "output": usage.get("output_tokens")} if usage else {})


def llm_stream(model, system: str, user: str, completion: bool = False, stop=()):
    """The reply as it is generated, in text pieces."""
    for piece in model.stream(_input(system, user, completion), stop=list(stop) or None):
        yield _text(piece)
