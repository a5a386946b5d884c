"""Typed errors raised by the library.

Each carries a one-line message that states the fix; the CLI and the UI print
``str(err)`` and nothing else (no traceback).
"""


class RagError(Exception):
    """Base class: every error the library raises on purpose."""


class BadQuestion(RagError):
    """The question is empty, unreadable or otherwise unusable."""


class IndexMissing(RagError):
    """No index has been built for the configured model and chunking settings."""


class IndexStale(RagError):
    """The index was built from a different corpus than the one on disk."""


class ModelMismatch(RagError):
    """The index was built with another model or another vector dimension."""


class ModelNotInstalled(RagError):
    """The embedding model cannot be found locally."""


class CorpusError(RagError):
    """A corpus file is unreadable or malformed."""


class ChromaUnavailable(RagError):
    """The Chroma server cannot be reached."""


class BadQuestionsFile(RagError):
    """An eval questions file has a malformed line."""


class IngestRunning(RagError):
    """Another ingest holds the index's lock."""


class ResourceError(RagError):
    """The machine ran out of something (disk, memory, write access); the previous index stays live."""

    kind = ""


class DiskFull(ResourceError):
    """No space left where the index is written."""

    kind = "disk full"


class IndexReadOnly(ResourceError):
    """The index folder cannot be written (read-only file system or permissions)."""

    kind = "read-only"


class OutOfMemory(ResourceError):
    """Memory ran out while loading or running the embedding model."""

    kind = "memory"


class BatchTooBig(OutOfMemory):
    """Checked before the model ran: the batch cannot fit in the free memory (the message names a size that fits)."""
