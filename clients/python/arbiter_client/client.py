"""Sync and async clients of Arbiter's v1 API for a submitting service (API key)."""
from __future__ import annotations

import asyncio
import random
import re
import time
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional, Type, TypeVar, Union

import httpx
from pydantic import BaseModel, ValidationError

from .errors import ArbiterApiError, ArbiterValidationError, DecisionTimeout
from .models import (
    AcceptedSubmission,
    DeadLetter,
    EventsFeed,
    FeedEvent,
    Problem,
    ReplayResult,
    SubmissionRequest,
    SubmissionView,
    WebhookEndpoint,
    dump,
    parse,
)

M = TypeVar("M", bound=BaseModel)
MAX_WAIT_MS = 10_000
MAX_IDEMPOTENCY_KEY = 200
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
CURSOR = re.compile(r"^\d{1,18}$")
FINAL = {"approved", "rejected", "expired"}
ROUTED = FINAL | {"human_review"}


@dataclass
class Submitted:
    """What ``submit`` answers."""

    #: 200: decided within ``wait_ms``; 202: accepted (or with people, or not decided yet).
    status: int
    submission: Union[AcceptedSubmission, SubmissionView]
    #: The key sent: keep it to retry this submission later without a duplicate.
    idempotency_key: str
    #: The api had this key already and answered with the submission it made then.
    replayed: bool


@dataclass
class RetryPolicy:
    """429, 503 and network errors are retried this many times, after Retry-After or a backoff."""

    max_retries: int = 3
    base_delay: float = 0.25
    max_delay: float = 30.0
    on_retry: Optional[Callable[[int, Optional[int], float], None]] = None

    def delay(self, attempt: int, asked: Optional[int]) -> float:
        backoff = self.base_delay * (2**attempt) * (0.5 + random.random() / 2)
        return min(max(float(asked or 0), backoff), self.max_delay)


def retry_after_seconds(value: Optional[str]) -> Optional[int]:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return int(value.strip())
    try:
        return max(0, int(parsedate_to_datetime(value).timestamp() - time.time() + 0.999))
    except (TypeError, ValueError):
        return None


def _problems(error: ValidationError) -> List[dict]:
    out = []
    for item in error.errors():
        path = ".".join(str(p) for p in item["loc"] if p != "__root__")
        out.append({"path": path, "message": item["msg"]})
    return out


def _submission_body(body: Union[SubmissionRequest, Dict[str, Any]]) -> Dict[str, Any]:
    try:
        model = body if isinstance(body, SubmissionRequest) else SubmissionRequest(**body)
    except ValidationError as error:
        raise ArbiterValidationError(_problems(error), "submission") from None
    return dump(model)


def _check_options(idempotency_key: str, wait_ms: Optional[int]) -> None:
    problems = []
    if not 1 <= len(idempotency_key) <= MAX_IDEMPOTENCY_KEY:
        problems.append({"path": "idempotency_key", "message": f"must be 1 to {MAX_IDEMPOTENCY_KEY} characters"})
    if wait_ms is not None and not (isinstance(wait_ms, int) and 0 <= wait_ms <= MAX_WAIT_MS):
        problems.append({"path": "wait_ms", "message": f"must be an integer from 0 to {MAX_WAIT_MS}"})
    if problems:
        raise ArbiterValidationError(problems, "options")


def _check_uuid(value: str) -> None:
    if not UUID.match(value):
        raise ArbiterValidationError([{"path": "id", "message": "must be a UUID"}])


def _check_page(after: str, limit: int) -> None:
    if not CURSOR.match(after):
        raise ArbiterValidationError([{"path": "after", "message": "must be a cursor returned by the feed"}], "query")
    if not (isinstance(limit, int) and 1 <= limit <= 1000):
        raise ArbiterValidationError([{"path": "limit", "message": "must be an integer from 1 to 1000"}], "query")


def _raise_for(response: httpx.Response) -> None:
    if response.is_success:
        return
    try:
        problem = parse(Problem, response.json())
    except (ValueError, ValidationError):
        problem = Problem(statusCode=response.status_code, error=response.reason_phrase, message=response.text[:500])
    raise ArbiterApiError(
        response.status_code,
        problem,
        response.headers.get("x-request-id"),
        retry_after_seconds(response.headers.get("retry-after")),
    )


def _retryable(response: httpx.Response, retry_all: bool) -> bool:
    return response.status_code == 429 or (response.status_code == 503 and retry_all)


def _submitted(response: httpx.Response, key: str) -> Submitted:
    data = response.json()
    model: Type[BaseModel] = SubmissionView if "timeline" in data else AcceptedSubmission
    return Submitted(response.status_code, parse(model, data), key, response.headers.get("idempotent-replayed") == "true")


class ArbiterClient:
    """A submitting service's client: submit outputs, wait for decisions, read outcomes.

    ``ArbiterClient("http://127.0.0.1:3000", api_key="arb_…")``; use it as a context manager or
    call ``close()``.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        retry: Optional[RetryPolicy] = None,
        transport: Optional[httpx.BaseTransport] = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"authorization": f"Bearer {api_key}", "accept": "application/json"},
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> "ArbiterClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, *, retry_all: bool, **kwargs: Any) -> httpx.Response:
        for attempt in range(self.retry.max_retries + 1):
            last = attempt == self.retry.max_retries
            try:
                response = self._http.request(method, path, **kwargs)
            except httpx.TransportError:
                if not retry_all or last:
                    raise
                self._pause(attempt, None, None)
                continue
            asked = retry_after_seconds(response.headers.get("retry-after"))
            if last or not _retryable(response, retry_all) or (asked or 0) > self.retry.max_delay:
                _raise_for(response)
                return response
            self._pause(attempt, response.status_code, asked)
        raise AssertionError("unreachable")

    def _pause(self, attempt: int, status: Optional[int], asked: Optional[int]) -> None:
        delay = self.retry.delay(attempt, asked)
        if self.retry.on_retry:
            self.retry.on_retry(attempt + 1, status, delay)
        time.sleep(delay)

    def submit(
        self,
        body: Union[SubmissionRequest, Dict[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        wait_ms: Optional[int] = None,
    ) -> Submitted:
        """Sends an LLM output for a decision, checked against the contract first, with an
        idempotency key (yours or a new one) so that retries on 429/503 never duplicate it."""
        key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
        _check_options(key, wait_ms)
        payload = _submission_body(body)
        params = {"wait": wait_ms} if wait_ms else None
        response = self._request(
            "POST", "/v1/submissions", retry_all=True, json=payload, params=params, headers={"idempotency-key": key}
        )
        return _submitted(response, key)

    def get_submission(self, submission_id: str) -> SubmissionView:
        _check_uuid(submission_id)
        return parse(SubmissionView, self._request("GET", f"/v1/submissions/{submission_id}", retry_all=True).json())

    def decision(
        self, submission_id: str, *, timeout: float = 60.0, until: str = "decided", poll: float = 0.25, max_poll: float = 5.0
    ) -> SubmissionView:
        """Waits for the decision (``until="routed"``: also stop at human review), polling with a
        growing interval; raises DecisionTimeout after ``timeout`` seconds."""
        done = ROUTED if until == "routed" else FINAL
        deadline = time.monotonic() + timeout
        while True:
            submission = self.get_submission(submission_id)
            if submission.status in done:
                return submission
            left = deadline - time.monotonic()
            if left <= 0:
                raise DecisionTimeout(submission)
            time.sleep(min(poll, left))
            poll = min(poll * 1.5, max_poll)

    def submit_and_wait(
        self, body: Union[SubmissionRequest, Dict[str, Any]], *, timeout: float = 60.0, until: str = "decided", idempotency_key: Optional[str] = None
    ) -> SubmissionView:
        """Submits and waits: the api holds the answer (``?wait``), then polling takes over."""
        started = time.monotonic()
        sent = self.submit(body, idempotency_key=idempotency_key, wait_ms=min(MAX_WAIT_MS, int(timeout * 1000)))
        done = ROUTED if until == "routed" else FINAL
        if isinstance(sent.submission, SubmissionView) and sent.submission.status in done:
            return sent.submission
        return self.decision(sent.submission.id, timeout=max(0.0, timeout - (time.monotonic() - started)), until=until)

    def events_page(self, after: str = "0", limit: int = 100) -> EventsFeed:
        _check_page(after, limit)
        response = self._request("GET", "/v1/events", retry_all=True, params={"after": after, "limit": limit})
        return parse(EventsFeed, response.json())

    def events(self, after: str = "0", *, limit: int = 100, follow: bool = False, poll: float = 1.0) -> Iterator[FeedEvent]:
        """The outcome events after ``after``, oldest first; with ``follow``, waits for more.
        Store the ``cursor`` of the last event handled and pass it as ``after`` to resume."""
        cursor = after
        while True:
            page = self.events_page(cursor, limit)
            yield from page.events
            cursor = page.next_cursor
            if page.has_more:
                continue
            if not follow:
                return
            time.sleep(poll)

    def webhook_endpoint(self) -> WebhookEndpoint:
        return parse(WebhookEndpoint, self._request("GET", "/v1/webhook", retry_all=True).json())

    def set_webhook_endpoint(self, url: Optional[str], subscribe_routed: bool = False) -> WebhookEndpoint:
        """Sets (or with None removes) the default webhook endpoint."""
        body = {"url": url, "subscribeRouted": subscribe_routed}
        return parse(WebhookEndpoint, self._request("PUT", "/v1/webhook", retry_all=True, json=body).json())

    def rotate_webhook_secret(self, overlap_seconds: Optional[int] = None) -> WebhookEndpoint:
        """A new signing secret; the old one keeps signing for ``overlap_seconds``."""
        body = {} if overlap_seconds is None else {"overlapSeconds": overlap_seconds}
        return parse(WebhookEndpoint, self._request("POST", "/v1/webhook/secrets/rotate", retry_all=False, json=body).json())

    def dead_letters(self) -> List[DeadLetter]:
        return [parse(DeadLetter, d) for d in self._request("GET", "/v1/dead-letters", retry_all=True).json()]

    def replay_dead_letters(self) -> ReplayResult:
        return parse(ReplayResult, self._request("POST", "/v1/dead-letters/replay", retry_all=False).json())

    def replay_dead_letter(self, dead_letter_id: str) -> ReplayResult:
        _check_uuid(dead_letter_id)
        return parse(ReplayResult, self._request("POST", f"/v1/dead-letters/{dead_letter_id}/replay", retry_all=False).json())


class AsyncArbiterClient:
    """The same operations as ArbiterClient, for asyncio (``async with AsyncArbiterClient(...)``)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        retry: Optional[RetryPolicy] = None,
        transport: Optional[httpx.AsyncBaseTransport] = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            headers={"authorization": f"Bearer {api_key}", "accept": "application/json"},
            timeout=timeout,
            transport=transport,
        )

    async def __aenter__(self) -> "AsyncArbiterClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _request(self, method: str, path: str, *, retry_all: bool, **kwargs: Any) -> httpx.Response:
        for attempt in range(self.retry.max_retries + 1):
            last = attempt == self.retry.max_retries
            try:
                response = await self._http.request(method, path, **kwargs)
            except httpx.TransportError:
                if not retry_all or last:
                    raise
                await self._pause(attempt, None, None)
                continue
            asked = retry_after_seconds(response.headers.get("retry-after"))
            if last or not _retryable(response, retry_all) or (asked or 0) > self.retry.max_delay:
                _raise_for(response)
                return response
            await self._pause(attempt, response.status_code, asked)
        raise AssertionError("unreachable")

    async def _pause(self, attempt: int, status: Optional[int], asked: Optional[int]) -> None:
        delay = self.retry.delay(attempt, asked)
        if self.retry.on_retry:
            self.retry.on_retry(attempt + 1, status, delay)
        await asyncio.sleep(delay)

    async def submit(
        self,
        body: Union[SubmissionRequest, Dict[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        wait_ms: Optional[int] = None,
    ) -> Submitted:
        key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
        _check_options(key, wait_ms)
        payload = _submission_body(body)
        params = {"wait": wait_ms} if wait_ms else None
        response = await self._request(
            "POST", "/v1/submissions", retry_all=True, json=payload, params=params, headers={"idempotency-key": key}
        )
        return _submitted(response, key)

    async def get_submission(self, submission_id: str) -> SubmissionView:
        _check_uuid(submission_id)
        return parse(SubmissionView, (await self._request("GET", f"/v1/submissions/{submission_id}", retry_all=True)).json())

    async def decision(
        self, submission_id: str, *, timeout: float = 60.0, until: str = "decided", poll: float = 0.25, max_poll: float = 5.0
    ) -> SubmissionView:
        done = ROUTED if until == "routed" else FINAL
        deadline = time.monotonic() + timeout
        while True:
            submission = await self.get_submission(submission_id)
            if submission.status in done:
                return submission
            left = deadline - time.monotonic()
            if left <= 0:
                raise DecisionTimeout(submission)
            await asyncio.sleep(min(poll, left))
            poll = min(poll * 1.5, max_poll)

    async def submit_and_wait(
        self, body: Union[SubmissionRequest, Dict[str, Any]], *, timeout: float = 60.0, until: str = "decided", idempotency_key: Optional[str] = None
    ) -> SubmissionView:
        started = time.monotonic()
        sent = await self.submit(body, idempotency_key=idempotency_key, wait_ms=min(MAX_WAIT_MS, int(timeout * 1000)))
        done = ROUTED if until == "routed" else FINAL
        if isinstance(sent.submission, SubmissionView) and sent.submission.status in done:
            return sent.submission
        return await self.decision(sent.submission.id, timeout=max(0.0, timeout - (time.monotonic() - started)), until=until)

    async def events_page(self, after: str = "0", limit: int = 100) -> EventsFeed:
        _check_page(after, limit)
        response = await self._request("GET", "/v1/events", retry_all=True, params={"after": after, "limit": limit})
        return parse(EventsFeed, response.json())

    async def events(self, after: str = "0", *, limit: int = 100, follow: bool = False, poll: float = 1.0) -> AsyncIterator[FeedEvent]:
        cursor = after
        while True:
            page = await self.events_page(cursor, limit)
            for event in page.events:
                yield event
            cursor = page.next_cursor
            if page.has_more:
                continue
            if not follow:
                return
            await asyncio.sleep(poll)

    async def webhook_endpoint(self) -> WebhookEndpoint:
        return parse(WebhookEndpoint, (await self._request("GET", "/v1/webhook", retry_all=True)).json())

    async def set_webhook_endpoint(self, url: Optional[str], subscribe_routed: bool = False) -> WebhookEndpoint:
        body = {"url": url, "subscribeRouted": subscribe_routed}
        return parse(WebhookEndpoint, (await self._request("PUT", "/v1/webhook", retry_all=True, json=body)).json())

    async def rotate_webhook_secret(self, overlap_seconds: Optional[int] = None) -> WebhookEndpoint:
        body = {} if overlap_seconds is None else {"overlapSeconds": overlap_seconds}
        return parse(WebhookEndpoint, (await self._request("POST", "/v1/webhook/secrets/rotate", retry_all=False, json=body)).json())

    async def dead_letters(self) -> List[DeadLetter]:
        return [parse(DeadLetter, d) for d in (await self._request("GET", "/v1/dead-letters", retry_all=True)).json()]

    async def replay_dead_letters(self) -> ReplayResult:
        return parse(ReplayResult, (await self._request("POST", "/v1/dead-letters/replay", retry_all=False)).json())

    async def replay_dead_letter(self, dead_letter_id: str) -> ReplayResult:
        _check_uuid(dead_letter_id)
        return parse(ReplayResult, (await self._request("POST", f"/v1/dead-letters/{dead_letter_id}/replay", retry_all=False)).json())
