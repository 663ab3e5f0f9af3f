"""Many clients at once: throughput and latency of `wardnews serve` with one client and with
16, from one process and from one forked waitress worker per core (`--workers`).

    python bench/load.py --index bench/results/index-baomoi              # 60 s per run
    python bench/load.py --index DIR --seconds 20 --clients 1 16 --workers 1 2

Each run starts a server on a free port, waits for it, and sends searches (distinct ones,
from bench/queries.py, over /api/search with facets) from N client threads, each on its own
keep-alive connection, for --seconds.  Printed per run: requests/s, p50 and p95 ms, errors,
and the throughput as a multiple of one client's against the same server (the same-run
baseline).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
URL = re.compile(r"Serving the archive at http://([^:/]+):(\d+)/")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


def paths(index: Path, count: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    from queries import first_time_queries

    from wardnews import Archive

    with Archive(index) as archive:
        queries = first_time_queries(archive, count=count)
    out = []
    for query in queries:
        params = {"q": query.text, **{k: v for k, v in query.options.items() if k != "mentions"}}
        params = {{"wards": "ward", "date_from": "from", "date_to": "to"}.get(k, k): v for k, v in params.items()}
        if query.options.get("mentions"):
            params["mentions"] = "1"
        out.append("/api/search?" + urllib.parse.urlencode(params))
    return out


def start(index: Path, workers: int) -> tuple[subprocess.Popen, str, int]:
    process = subprocess.Popen([sys.executable, "-m", "wardnews", "serve", "--index", str(index),
                                "--port", "0", "--workers", str(workers)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        found = URL.search(line)
        if found:
            host, port = found.group(1), int(found.group(2))
            break
    else:
        raise SystemExit(f"the server did not start: {process.wait()}")
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until every worker answers
        try:
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", "/api/search?q=x")
            connection.getresponse().read()
            break
        except OSError:
            time.sleep(0.2)
    time.sleep(1.0)
    return process, host, port


def load(host: str, port: int, urls: list[str], clients: int, seconds: float):
    latencies, errors = [], [0]
    lock = threading.Lock()
    counter = itertools.count()
    stop = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=30)
        mine = []
        while time.monotonic() < stop:
            url = urls[next(counter) % len(urls)]
            began = time.perf_counter()
            try:
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection = http.client.HTTPConnection(host, port, timeout=30)
            mine.append((time.perf_counter() - began) * 1000)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return len(latencies) / elapsed, percentile(latencies, 0.5), percentile(latencies, 0.95), errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--queries", type=int, default=600)
    args = parser.parse_args()
    urls = paths(args.index, args.queries)
    print(f"index {args.index}; {len(urls)} distinct searches; {args.seconds:.0f} s per run")
    print(f"{'server':28} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'× 1 client':>11}")
    for workers in args.workers:
        process, host, port = start(args.index, workers)
        try:
            one = None
            for clients in args.clients:
                rate, p50, p95, errors = load(host, port, urls, clients, args.seconds)
                one = one or rate
                label = "waitress, 1 process" if workers == 1 else f"waitress, {workers} forked workers"
                print(f"{label:28} {clients:7} {rate:8.1f} {p50:8.1f} {p95:8.1f} {errors:7} {rate / one:10.2f}×")
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
