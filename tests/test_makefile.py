"""`make chromium` twice at once on a machine without Chromium: the second waits for the first's install instead of
failing on apt's lock. A fake apt-get (which fails, as apt does, while another holds its lock) stands in for apt."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("sh", "bash", "flock", "id", "sleep", "chmod", "rm", "grep", "cut", "md5sum", "printf", "make")

FAKE_APT = """#!/bin/sh
if [ -e "{busy}" ]; then echo "E: Unable to lock directory /var/lib/apt/lists/" >&2; exit 100; fi
: > "{busy}"; sleep 1
case "$*" in *install*) printf '#!/bin/sh\\n' > "{bin}/chromium"; chmod +x "{bin}/chromium";; esac
rm -f "{busy}"
"""


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="needs make, flock and coreutils")
def test_two_chromium_installs_at_once_both_succeed(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    for t in TOOLS:
        (fake / t).symlink_to(shutil.which(t))
    (fake / "apt-get").write_text(FAKE_APT.format(busy=tmp_path / "busy", bin=fake))
    (fake / "apt-get").chmod(0o755)
    # run as from a shell, not as a sub-make of `make test` (whose MAKEFLAGS may name its jobserver's pipes)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("MAKE")}, "PATH": str(fake)}
    cmd = ["make", "-s", "-C", str(ROOT), "chromium", f"APT_LOCK={tmp_path / 'apt.lock'}"]
    first = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    second = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True, timeout=60)
    assert first.wait(timeout=60) == 0, first.stderr.read()
    assert second.returncode == 0, second.stderr
    assert (fake / "chromium").exists()
