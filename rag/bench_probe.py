"""``rag bench`` in child processes: the serving probe, and cold start of ``rag ask``/``ingest``/``serve``.

A probe loads a Pipeline as a chat server would and times answers; it runs in a
fresh process so its load time and peak memory are its own. It reports progress as
``NOTE …`` lines, which the parent shows on its progress bar, and its result as
one ``PROBE {json}`` line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from rag.bench_util import clear_query_cache, free_port, lat, peak_rss_mb
from rag.errors import RagError


def _note(text: str) -> None:
    print(f"NOTE {text}", flush=True)


def _load(spec: dict):
    from rag.config import load_config
    from rag.models import load_embedder
    from rag.pipeline import Pipeline

    cfg = load_config(index_dir=spec["index_dir"], corpus_dir=spec["corpus_dir"], model=spec["model"],
                      models_dir=spec.get("models_dir"), backend=spec.get("backend"))
    t0 = time.perf_counter()
    _note("loading the model")
    emb = load_embedder(cfg)
    model_s = time.perf_counter() - t0
    _note("loading the index")
    pipe = Pipeline(cfg, embedder=emb, check_stale=False)
    return pipe, emb, round(model_s, 2), round(time.perf_counter() - t0, 2)


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def probe(spec: dict) -> dict:
    """Load a Pipeline as a chat server would, answer, time. Runs in a fresh child process."""
    import psutil

    started = psutil.Process().create_time()
    pipe, emb, model_s, load_s = _load(spec)
    qs, k = spec["questions"], pipe.cfg.k
    first = pipe.ask(qs[0])
    res = {"model_load_s": model_s, "pipeline_load_s": load_s, "first_answer_s": round(time.time() - started, 2),
           "chunks": pipe.info.chunks, "first_answer_abstained": first.abstained}
    _note(f"loaded in {load_s} s; warming up")
    for q in qs:  # warm-up: lazy imports, caches, the query vectors
        pipe.ask(q)
    full, retr, fresh_full, fresh_retr = [], [], [], []
    for i, q in enumerate(qs):
        full.append(_timed(lambda: pipe.ask(q)))
        retr.append(_timed(lambda: pipe.retriever.search(pipe.understand(q), k)))
        if i % 10 == 0:
            _note(f"repeated questions {i + 1}/{len(qs)}")
    for i, q in enumerate(qs):
        clear_query_cache(emb)
        fresh_full.append(_timed(lambda: pipe.ask(q)))
        clear_query_cache(emb)
        fresh_retr.append(_timed(lambda: pipe.retriever.search(pipe.understand(q), k)))
        if i % 10 == 0:
            _note(f"new questions {i + 1}/{len(qs)}")
    res.update({"answer_cached": lat(full), "retrieval_cached": lat(retr), "answer_fresh": lat(fresh_full),
                "retrieval_fresh": lat(fresh_retr), "peak_rss_mb": peak_rss_mb()})
    return res


def _probe_main() -> None:
    spec = json.loads(sys.argv[1])
    print("PROBE " + json.dumps(probe(spec)), flush=True)


def run_probe(spec: dict, env: dict, progress=None, timeout: float = 1800) -> dict:
    """Run ``probe(spec)`` in a child process; its NOTE lines go to ``progress.note``."""
    code = "from rag.bench_probe import _probe_main; _probe_main()"
    with tempfile.TemporaryFile(mode="w+") as err:
        p = subprocess.Popen([sys.executable, "-c", code, json.dumps(spec)], env=env, stdout=subprocess.PIPE,
                             stderr=err, text=True)
        killer = threading.Timer(timeout, p.kill)  # a hung probe cannot hang the bench
        killer.start()
        result = None
        try:
            for line in p.stdout:
                if line.startswith("NOTE ") and progress is not None:
                    progress.note(line[5:].strip())
                elif line.startswith("PROBE "):
                    result = json.loads(line[6:])
            p.wait()
        finally:
            killer.cancel()
        if result is not None:
            return result
        err.seek(0)
        last = (err.read().strip().splitlines() or ["?"])[-1]
    raise RagError(f"bench probe failed (status {p.returncode}): {last}")


def cold_ask(env: dict, question: str) -> dict:
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "rag", "ask", "--json", question], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(timeout=600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RagError(f"rag ask failed during the bench: {err.decode(errors='replace').strip()[-300:]}")
    return {"seconds": round(wall, 2), "answered": bool(json.loads(out).get("answer"))}


def cold_ingest(env: dict) -> dict:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "rag", "ingest", "--json"], env=env, capture_output=True, text=True,
                       timeout=600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RagError(f"rag ingest failed during the bench: {p.stderr.strip()[-300:]}")
    rep = json.loads(p.stdout)
    return {"process_seconds": round(wall, 2), "ingest_seconds": rep["seconds"], "embedded": rep["embedded"]}


def cold_serve(env: dict, question: str, timeout: float = 300) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--host", "127.0.0.1", "--port", str(port)],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if p.poll() is not None:
                raise RagError(f"rag serve exited during the bench: {p.stderr.read().decode(errors='replace')[-300:]}")
            if time.perf_counter() - t0 > timeout:
                raise RagError(f"rag serve was not ready within {timeout:.0f} s")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        ready = time.perf_counter() - t0
        res = {"ready_s": round(ready, 2)}
        try:
            from gradio_client import Client

            client = Client(url, verbose=False)
            t1 = time.perf_counter()
            reply = client.predict(question, api_name="/chat")
            res["first_answer_via_page_s"] = round(time.perf_counter() - t0, 2)
            res["answer_roundtrip_ms"] = round((time.perf_counter() - t1) * 1000, 1)
            res["answered"] = bool(reply)
        except Exception as e:  # the page being ready is the measurement; the API call is a bonus
            res["api_error"] = f"{type(e).__name__}: {str(e)[:120]}"
        res["peak_rss_mb"] = peak_rss_mb(p.pid)
        return res
    finally:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

