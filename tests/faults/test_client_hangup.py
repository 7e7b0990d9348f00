"""A client that hangs up mid-upload (its Content-Length promised more than it sent) is logged
at info and counted as a 499, nginx's "client closed request", never as a 500; nothing of it
is written."""

import json
import socket
import time

import httpx
import pytest

from tests.faults.db_fault_checks import served
from tests.faults.postgres import wait_until
from tests.helpers import metric_samples, tenant

pytestmark = pytest.mark.served


def hang_up_mid_upload(port: int, headers: dict[str, str]) -> None:
    head = (
        "POST /v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: 10000\r\nAuthorization: {headers['Authorization']}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head.encode() + b'{"template_version": 1, "title": "cut short')
        time.sleep(0.1)  # the server is reading the body when the client goes


def requests_by_status(metrics: str) -> dict[str, int]:
    """POST /v1/audits requests by status (prometheus_client lists created series at 0 too)."""
    counts: dict[str, int] = {}
    for labels, value in metric_samples(metrics, "http_requests_total"):
        if labels.get("method") == "POST" and labels.get("route") == "/v1/audits" and value:
            counts[labels["status"]] = counts.get(labels["status"], 0) + int(value)
    return counts


def test_a_hang_up_mid_upload_is_a_499_at_info_not_a_500(database_url: str) -> None:
    with served(database_url) as server, httpx.Client(base_url=server.base_url) as http:
        headers = tenant(http)
        for _ in range(3):
            hang_up_mid_upload(server.port, headers)
        assert wait_until(
            lambda: requests_by_status(http.get("/metrics").text) == {"499": 3}, timeout=5
        ), requests_by_status(http.get("/metrics").text)
        listed = http.get("/v1/audits", headers=headers).json()["items"]
        assert listed == []
        server.stop()
    log = server.output()
    lines = [json.loads(line) for line in log.splitlines() if line.startswith('{"event"')]
    hung_up = [line for line in lines if (line["method"], line["route"]) == ("POST", "/v1/audits")]
    assert [line["status"] for line in hung_up] == [499, 499, 499], hung_up
    assert "Traceback" not in log
    assert "ERROR" not in log
