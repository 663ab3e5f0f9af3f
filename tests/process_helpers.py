"""Helpers for the index process tests: a generated corpus, and a command line for children.

The children are real processes (`python tests/process_helpers.py build ...`) that the tests
start, watch, and kill with SIGKILL:

    build CORPUS INDEX [--full] [--jobs N] [--delay S] [--started FILE] [--die-at STEP]
        build_index, sleeping S seconds per article reported (so a kill lands mid-build);
        FILE is created when the first article is reported; --die-at kills the process
        with SIGKILL at a named step of the commit (before-toc, after-toc); prints the
        summary as JSON, or the IndexBusy message with exit code 3.
    search INDEX QUERY STOPFILE OUT
        searches in a loop until STOPFILE exists (then once more), one JSON line per
        search in OUT: the total, or the error it raised.

The generated articles are made of syllables drawn from a fixed list, never of real
sentences; every article contains the word MARKER, so a search for it counts them all.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HELPER = Path(__file__).resolve()

MARKER = "kiểm"
_SYLLABLES = (
    "phường xã ủy ban nhân dân hội đồng đảng bộ chi bộ đại hội nhiệm kỳ bầu cử đại biểu "
    "tổ dân phố khu dân cư đường làng ngõ chợ trường học trạm y tế nhà văn hóa sân "
    "thể thao lễ hội mùa màng nông thôn mới đô thị văn minh an ninh trật tự môi trường "
    "xanh sạch đẹp họp bàn kế hoạch triển khai thực hiện nghị quyết chỉ tiêu kinh tế "
    "xã hội thu nhập bình quân hộ nghèo cận nghèo học sinh giáo viên cán bộ công chức "
    "tuyên truyền vận động nhân dân tham gia đóng góp ý kiến tiếp xúc cử tri giải quyết "
    "kiến nghị phản ánh"
).split()
_WARDS = ("phường Minh Khai", "phường Quang Trung", "xã Kim Bình", "phường Lê Hồng Phong")


def article(rng: random.Random, number: int, words: int) -> dict:
    """One generated record: a title and paragraphs of syllables, a ward, a date."""
    def sentence(n: int) -> str:
        return " ".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize() + "."

    ward = rng.choice(_WARDS)
    paragraphs = [f"{ward} {MARKER} {sentence(12)}"]
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(" ".join(sentence(rng.randint(8, 20)) for _ in range(3)))
    return {
        "id": f"r{number}",
        "title": f"{sentence(6)[:-1]} {ward} {number}",
        "date": f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "text": "\n\n".join(paragraphs),
    }


def write_jsonl(path: Path, count: int, seed: int, words: int = 120, start: int = 0) -> Path:
    """A JSONL file of `count` generated articles (numbered from `start`)."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(start, start + count):
            out.write(json.dumps(article(rng, number, words), ensure_ascii=False) + "\n")
    return path


def write_corpus(folder: Path, files: int, per_file: int, words: int = 120) -> Path:
    """A folder of `files` JSONL files of `per_file` articles each."""
    for n in range(files):
        write_jsonl(folder / f"part-{n:02d}.jsonl", per_file, seed=n, words=words, start=n * per_file)
    return folder


def child(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.Popen:
    """Start this helper in a new Python process."""
    return subprocess.Popen(
        [sys.executable, str(HELPER), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})}, cwd=cwd,
    )


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 20.0) -> None:
    """Wait until `path` exists; fail with the child's output if it ended or took too long."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the child ended (exit {process.returncode}) first:\n{out}\n{err}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"{path} did not appear within {timeout} s")
        time.sleep(0.02)


def children_of(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # not a process, or one that just ended
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def gone(pids: list[int], timeout: float = 5.0) -> bool:
    """Whether all these processes end (or become zombies) within the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.02)
    return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- the children's side ------------------------------------------------------------------


def _die_at(step: str) -> None:
    """Make the commit SIGKILL this process at the named step: a crash at the worst moment."""
    from wardnews.index import commit as commit_module

    def kill() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    original = commit_module.TOC.write

    def write(toc, storage, indexname):
        if step == "before-toc":
            kill()
        original(toc, storage, indexname)
        if step == "after-toc":
            kill()

    commit_module.TOC.write = write


def _build(args) -> int:
    from wardnews.index import IndexBusy, build_index

    if args.die_at:
        _die_at(args.die_at)
    started = Path(args.started) if args.started else None

    def progress(item) -> None:
        if started is not None and not started.exists():
            started.touch()
        time.sleep(args.delay)

    try:
        summary = build_index(Path(args.corpus), Path(args.index), full=args.full, jobs=args.jobs,
                              progress=progress)
    except IndexBusy as exc:
        print(str(exc))
        return 3
    fields = ("full", "read", "added", "updated", "removed", "unchanged", "files")
    print(json.dumps({name: getattr(summary, name) for name in fields}))
    return 0


def _search(args) -> int:
    from wardnews.index import Archive

    stop = Path(args.stopfile)
    kept = None
    with open(args.out, "w", encoding="utf-8") as out:
        last = False
        while not last:
            last = stop.exists()
            # One Archive kept open (as the web UI keeps one) and one opened afresh (as each
            # CLI call does): both must answer whatever the writer is doing.
            for way in ("kept", "fresh"):
                try:
                    if way == "kept":
                        kept = kept or Archive(args.index)
                        total = kept.search(query=args.query).total
                    else:
                        with Archive(args.index) as fresh:
                            total = fresh.search(query=args.query).total
                    out.write(json.dumps({way: total}) + "\n")
                except Exception as exc:  # noqa: BLE001 - any error is the finding, for the test
                    out.write(json.dumps({way: None, "error": f"{type(exc).__name__}: {exc}"}) + "\n")
            out.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="children of the index process tests")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build")
    build.add_argument("corpus")
    build.add_argument("index")
    build.add_argument("--full", action="store_true")
    build.add_argument("--jobs", type=int, default=1)
    build.add_argument("--delay", type=float, default=0.0)
    build.add_argument("--started")
    build.add_argument("--die-at", choices=("before-toc", "after-toc"))
    search = commands.add_parser("search")
    for name in ("index", "query", "stopfile", "out"):
        search.add_argument(name)
    args = parser.parse_args(argv)
    return _build(args) if args.command == "build" else _search(args)


if __name__ == "__main__":
    sys.exit(main())
