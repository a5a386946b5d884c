"""rag.memneed: a batch that cannot fit is refused before the model runs, with a size that can."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag import memneed
from rag.errors import BatchTooBig, OutOfMemory
from rag.resources import resource_errors

ROOT = Path(__file__).resolve().parent.parent
MINILM = memneed.Shape(heads=12, inter=1536, max_tokens=256, factor=memneed.ONNX_FACTOR, parallel=2)
LONG, SHORT = "word " * 170, "a short sentence"


class Shaped:
    shape = MINILM


def test_need_grows_with_batch_and_length_and_stops_at_the_truncation():
    n = memneed.need_bytes
    assert n(MINILM, [SHORT] * 64, 64) < n(MINILM, [LONG] * 64, 64) < n(MINILM, [LONG] * 128, 128)
    assert n(MINILM, ["word " * 1000] * 8, 8) == n(MINILM, ["word " * 5000] * 8, 8)  # both truncated to 256
    # Two batches side by side need about twice one; a third waits for a free worker.
    assert n(MINILM, [LONG] * 48, 16) == 2 * n(MINILM, [LONG] * 16, 16)


def test_a_batch_that_cannot_fit_is_refused_with_a_size_that_can():
    with pytest.raises(BatchTooBig) as e:
        memneed.check(Shaped(), [LONG] * 512, 512, free=300 * 2**20)
    msg = str(e.value)
    fit = memneed.fitting_batch(MINILM, [LONG] * 512, 300 * 2**20)
    assert 1 <= fit < 512 and f"no more than {fit} can fit" in msg and "300 MB is free" in msg
    assert memneed.need_bytes(MINILM, [LONG] * 512, fit) <= 300 * 2**20 < memneed.need_bytes(MINILM, [LONG] * 512,
                                                                                              2 * fit)
    assert isinstance(e.value, OutOfMemory) and "\n" not in msg


def test_a_batch_that_fits_runs_and_memory_already_held_counts():
    need = memneed.check(Shaped(), [LONG] * 64, 64, free=10 * 2**30)
    assert need > 0
    # The arena already held `need` once: a later, smaller call needs nothing more, even with 0 free.
    assert memneed.check(Shaped(), [LONG] * 32, 64, ran=need, free=0) <= need
    with pytest.raises(BatchTooBig):
        memneed.check(Shaped(), [LONG] * 128, 128, ran=need, free=0)


def test_no_shape_no_check():
    class Hash:
        pass

    assert memneed.check(Hash(), [LONG] * 10_000, 4096, free=0) == 0
    assert memneed.check(Shaped(), [], 16, free=0) == 0


def test_not_even_one_sentence_says_to_free_memory():
    with pytest.raises(BatchTooBig, match="not even 1 fits: free memory"):
        memneed.check(Shaped(), [LONG] * 4, 4, free=1000)


def test_the_shape_is_read_from_the_model_config():
    s = memneed.read_shape({"num_attention_heads": 12, "intermediate_size": 1536, "hidden_size": 384}, 256, 2.5, 2)
    assert s == MINILM
    assert memneed.read_shape({"hidden_size": 384}, 256, 2.5) is None


def test_the_bundled_model_has_a_shape(real_embedder):
    s = real_embedder.shape
    assert s is not None and s.heads >= 1 and s.inter >= 1 and s.max_tokens == 256


def test_an_address_space_limit_is_counted_as_free_memory():
    code = ("import resource, psutil; from rag.memneed import free_bytes; "
            "v = psutil.Process().memory_info().vms; "
            "resource.setrlimit(resource.RLIMIT_AS, (v + 300 * 2**20, resource.RLIM_INFINITY)); "
            "print(free_bytes() // 2**20)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert 200 <= int(out.stdout) <= 300


def test_the_refusal_keeps_its_advice_through_the_ingest_wrapper(tmp_path):
    """``resource_errors`` rewords memory errors from deeper down, but not this one, which names a size."""
    with pytest.raises(BatchTooBig, match="no more than"):
        with resource_errors(tmp_path, batch_size=512):
            memneed.check(Shaped(), [LONG] * 512, 512, free=300 * 2**20)


def test_a_memory_error_inside_the_model_is_one_line(tmp_path):
    from rag.vectors import _memory_checked

    def boom():
        np.empty((2**62,), dtype=np.uint8)

    with pytest.raises(OutOfMemory, match=r"Ran out of memory .*\(batch size 64\)"):
        _memory_checked(boom, 64)
