"""The `wardnews` group: its help, its example, how cheap it starts, and library errors as messages."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import CORPUS

from wardnews.cli import main


def _help_examples() -> list[str]:
    usage = CliRunner().invoke(main, ["-h"]).output
    return [line.strip() for line in usage.splitlines() if line.strip().startswith("wardnews ")]


def test_the_main_help_example_runs_as_printed_on_the_demo_corpus(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    examples = _help_examples()
    assert [e.split()[1] for e in examples] == ["index", "search"]
    runs = [subprocess.run(shlex.split(e), cwd=tmp_path, capture_output=True, text=True, timeout=120)
            for e in examples]
    index, search = runs
    assert index.returncode == 1 and "rejected        2" in index.stdout  # as the help says
    assert search.returncode == 0, search.stderr
    assert search.stdout.startswith("Results 1–") and "Lương Khánh Thiện" in search.stdout
    assert all("Traceback" not in run.stderr for run in runs)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    text = CliRunner().invoke(main, [command, "-h"]).output
    assert f"Usage: main {command}" in text or f"Usage: wardnews {command}" in text
    assert "Example: wardnews " + command in " ".join(text.split())


def test_help_loads_neither_whoosh_nor_numpy():
    code = ("import sys\nfrom wardnews.cli import main\ntry:\n    main(['-h'])\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in ('whoosh', 'numpy', 'flask') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def test_a_worker_that_fails_is_a_message_and_exit_1_not_a_traceback(monkeypatch, tmp_path):
    import wardnews.index.build
    from wardnews import WorkerFailed

    def failing(*args, **kwargs):
        raise WorkerFailed("an indexing worker died (exit code -9)")

    # where the command's build (index.build_archive, the backend seam) finds it
    monkeypatch.setattr(wardnews.index.build, "build_index", failing)
    (tmp_path / "corpus").mkdir()
    result = CliRunner().invoke(main, ["index", str(tmp_path / "corpus"), "--index",
                                       str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "Error: an indexing worker died (exit code -9)"
    assert "run `wardnews index` again" in result.output
    assert result.exc_info[0] is SystemExit
