"""The bench's scratch dirs: removed when their owner is gone, and SIGTERM unwinds so a stopped bench cleans up."""

import os
import signal
import subprocess
import sys

import pytest

from rag.bench_work import OWNER, PREFIX, exit_on_term, sweep_stale


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_dir_whose_owner_has_ended_is_removed_and_others_are_kept(tmp_path):
    stale, live, foreign = (tmp_path / f"{PREFIX}{n}" for n in ("a", "b", "c"))
    for d in (stale, live, foreign):
        d.mkdir()
    (stale / OWNER).write_text(str(_dead_pid()))
    (live / OWNER).write_text(str(os.getpid()))
    assert sweep_stale(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and foreign.exists()


def test_sigterm_inside_unwinds_through_finally():
    cleaned, before = [], signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as e:
        with exit_on_term():
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                for _ in range(1000):  # the handler runs at the next bytecode boundary
                    pass
            finally:
                cleaned.append(True)
    assert e.value.code == 128 + signal.SIGTERM and cleaned
    assert signal.getsignal(signal.SIGTERM) is before  # the old handler is back
