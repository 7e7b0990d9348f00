"""Graceful shutdown on a served process: on SIGTERM an in-flight request completes, new
connections are refused, and the process exits cleanly."""

import json
import signal
import socket
import time

import httpx
import pytest

from tests.conftest import ServedApp
from tests.helpers import tenant

pytestmark = pytest.mark.served


def _refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def test_sigterm_finishes_in_flight_requests_and_refuses_new_ones(database_url: str) -> None:
    server = ServedApp(database_url)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
        body = json.dumps({"template_version": 1, "title": "Sent across a shutdown"}).encode()
        head = (
            f"POST /v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: {headers['Authorization']}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        conn = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        conn.sendall(head + body[:10])  # the request is in flight: half its body is sent
        time.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        while not _refused(server.port) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _refused(server.port), "new connections still accepted after SIGTERM"
        assert server.process.poll() is None, "exited with a request in flight"
        conn.sendall(body[10:])
        reply = b""
        while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            reply += chunk
        conn.close()
        assert reply.startswith(b"HTTP/1.1 201"), reply[:300]
        assert b"Sent across a shutdown" in reply
        # uvicorn re-raises the signal once it has shut down cleanly, so -SIGTERM is clean too.
        assert server.process.wait(timeout=20) in (0, -signal.SIGTERM)
        assert "Application shutdown complete" in server.output(), server.output()[-2000:]
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
