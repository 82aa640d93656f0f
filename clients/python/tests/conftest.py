"""The running stack for the SDK's tests: the repository's api and worker, real Postgres and Redis.

Started once per session with ``npm run -s stack:test`` (the test harness outside Jest), unless
ARBITER_URL, ARBITER_API_KEY, ARBITER_ADMIN_EMAIL and ARBITER_ADMIN_PASSWORD name a running one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List

import httpx
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
REPO = HERE.parents[2]
CONTRACT = REPO / "packages" / "client" / "src" / "openapi.json"


@pytest.fixture(scope="session")
def contract() -> dict:
    return json.loads(CONTRACT.read_text())


@pytest.fixture(scope="session")
def stack() -> Iterator[Dict[str, str]]:
    if os.environ.get("ARBITER_URL"):
        yield {
            "baseUrl": os.environ["ARBITER_URL"],
            "apiKey": os.environ["ARBITER_API_KEY"],
            "email": os.environ["ARBITER_ADMIN_EMAIL"],
            "password": os.environ["ARBITER_ADMIN_PASSWORD"],
        }
        return
    process = subprocess.Popen(
        ["npm", "run", "-s", "stack:test"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    for line in process.stdout:  # log lines first; the stack's own line names its URL
        if '"baseUrl"' in line:
            started = json.loads(line)
            break
    else:
        raise RuntimeError(f"the stack did not start (exit {process.wait()})")
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # drain logs
    try:
        yield {
            "baseUrl": started["baseUrl"],
            "apiKey": started["apiKey"],
            "email": started["admin"]["email"],
            "password": started["admin"]["password"],
        }
    finally:
        process.stdin.close()  # the stack stops and drops its database
        process.wait(timeout=60)


@pytest.fixture(scope="session")
def admin(stack: Dict[str, str]) -> Iterator[httpx.Client]:
    login = httpx.post(f"{stack['baseUrl']}/v1/auth/login", json={"email": stack["email"], "password": stack["password"]})
    login.raise_for_status()
    with httpx.Client(base_url=stack["baseUrl"], headers={"authorization": f"Bearer {login.json()['accessToken']}"}) as client:
        yield client


def new_api_key(admin: httpx.Client, requests_per_second: int = 0) -> str:
    """A submitting service of its own (so its events feed holds only this test's events)."""
    client = admin.post("/v1/clients", json={"name": f"py-{uuid.uuid4().hex[:8]}"})
    client.raise_for_status()
    if requests_per_second:
        admin.put(f"/v1/clients/{client.json()['id']}/quota", json={"requestsPerSecond": requests_per_second}).raise_for_status()
    key = admin.post("/v1/api-keys", json={"clientId": client.json()["id"], "name": "pytest"})
    key.raise_for_status()
    return key.json()["key"]


@pytest.fixture
def api_key(admin: httpx.Client) -> str:
    return new_api_key(admin)


class Receiver:
    """A webhook receiver on 127.0.0.1 recording each request's headers and raw body."""

    def __init__(self) -> None:
        self.received: List[dict] = []
        self.condition = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                with receiver.condition:
                    receiver.received.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": raw})
                    receiver.condition.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def wait_for(self, count: int, timeout: float = 15.0) -> List[dict]:
        with self.condition:
            if not self.condition.wait_for(lambda: len(self.received) >= count, timeout):
                raise AssertionError(f"{len(self.received)} webhooks received, expected {count}")
            return list(self.received)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()


def submission(**overrides: object) -> dict:
    body = {
        "pipeline": "support",
        "input": {
            "prompt": "What is the capital of France?",
            "context": [{"id": "d1", "text": "Paris is the capital and largest city of France."}],
        },
        "output": {"text": "The capital of France is Paris."},
        "model": {"provider": "openai", "name": "gpt-4o-mini"},
    }
    body.update(overrides)
    return body
