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
