"""The README's embedding example runs as written."""

import re
import subprocess
import sys

from conftest import CORPUS, REPO


def test_the_embedding_example_in_the_readme_runs(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Embedding the search module", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    (tmp_path / "corpus").symlink_to(CORPUS)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert re.match(r"\d+ articles; did you mean: Lương Khánh Thiện \(\d+\)", first), first
    assert "phường Lương Khánh Thiện" in result.stdout
    assert "refused: date_from must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not 'last spring'" in result.stdout
    assert "1 article naming a ward of Hà Giang, its year unknown: --09-02" in result.stdout
    assert re.search(r"^  .+: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, \d+ articles$", result.stdout, re.M)
    assert (tmp_path / ".wardnews" / "index" / "CURRENT").exists()
