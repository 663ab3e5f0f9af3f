"""The real server under hostile connections: idle sockets, garbage, odd ranges."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

from wardnews.webui.hooks import SECURITY_HEADERS
from wardnews.webui.server import bound_port, make_server


@pytest.fixture(scope="module")
def address(demo_index):
    server = make_server(demo_index, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    yield "127.0.0.1", bound_port(server)
    server.close()


def _raw(address, data: bytes) -> bytes:
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_200_idle_half_sent_connections_do_not_keep_a_search_waiting(address):
    idle = []
    try:
        for _ in range(200):
            sock = socket.create_connection(address, timeout=10)
            sock.sendall(b"GET /search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            idle.append(sock)
        time.sleep(0.5)  # the server has accepted them all by now
        started = time.perf_counter()
        url = f"http://{address[0]}:{address[1]}/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b'<article class="hit">' in response.read()
        assert time.perf_counter() - started < 1.0
    finally:
        for sock in idle:
            sock.close()


@pytest.mark.parametrize("request_bytes", [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
], ids=["no request line", "bad content length", "bad chunk"])
def test_the_servers_own_error_answers_carry_the_security_headers(address, request_bytes):
    answer = _raw(address, request_bytes).decode("latin-1")
    head = answer.split("\r\n\r\n", 1)[0]
    assert head.split(" ", 2)[1] == "400", head
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}" in head


@pytest.mark.parametrize("value, status", [
    ("bytes=abc", 200), ("bytes=5-2", 200), ("items=1-2", 200), ("bytes=0-1,2-3", 200),
    ("bytes=0-9", 206), ("bytes=999999-", 416),
])
def test_a_range_that_cannot_be_read_is_ignored(client, value, status):
    response = client.get("/static/style.css", headers={"Range": value})
    assert response.status_code == status
    if status == 200:
        assert response.data == client.get("/static/style.css").data
