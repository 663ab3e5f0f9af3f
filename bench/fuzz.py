"""Fuzz the real server: many hostile requests from several clients; 0 errors is the result.

    python bench/fuzz.py                    # 10,000 requests, 4 clients, the demo corpus
    python bench/fuzz.py --requests 50000 --clients 8

Builds an index of the demo corpus in a temporary folder, serves it with waitress (as
`wardnews serve` does) on a free port of 127.0.0.1, and sends requests made of the hostile
values of tests/fuzz_values.py (Unicode digits, deep brackets, formulas, broken UTF-8, huge
numbers) to every page.  An error is a 5xx answer, a broken connection, or a page that
shows a traceback; it prints the count of each status, the errors found (first 20), and the
median and p95 answer times.  Exit 1 when any request erred.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from common import REPO

sys.path.insert(0, str(REPO))  # for tests.fuzz_values, shared with the fuzz test
from tests.fuzz_values import url  # noqa: E402

from wardnews import build_index  # noqa: E402
from wardnews.webui.server import bound_port, make_server  # noqa: E402


def fetch(base: str, target: str) -> tuple[int | str, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + target, timeout=30) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except OSError as error:
        return f"connection: {error}", time.perf_counter() - started
    if b"Traceback" in body:
        status = f"{status} with a traceback"
    return status, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" is no error
    with tempfile.TemporaryDirectory() as folder:
        build_index(REPO / "corpus", Path(folder) / "index")
        server = make_server(Path(folder) / "index", "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{bound_port(server)}"
        statuses: Counter = Counter()
        errors: list[tuple[object, str]] = []
        times: list[float] = []
        lock = threading.Lock()
        per_client = options.requests // options.clients

        def client(number: int) -> None:
            rng = random.Random(options.seed * 1000 + number)
            for _ in range(per_client):
                target = url(rng)
                status, seconds = fetch(base, target)
                with lock:
                    statuses[status] += 1
                    times.append(seconds)
                    if not isinstance(status, int) or status >= 500:
                        errors.append((status, target))

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(options.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        server.close()
    total = sum(statuses.values())
    print(f"python bench/fuzz.py --requests {options.requests} --clients {options.clients}")
    print(f"{total} requests in {elapsed:.0f} s from {options.clients} clients; "
          f"{len(errors)} errors")
    for status, count in sorted(statuses.items(), key=lambda item: str(item[0])):
        print(f"  {status}: {count}")
    times.sort()
    print(f"median {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {times[int(len(times) * 0.95)] * 1000:.0f} ms")
    for status, target in errors[:20]:
        print(f"  ERROR {status}: {target}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
