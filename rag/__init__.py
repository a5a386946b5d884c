"""Citation-first retrieval Q&A over articles on the U.S.–China Science and Technology Agreement."""

__version__ = "0.1.0"
