"""Pydantic models of Arbiter's v1 contract (``packages/client/src/openapi.json``).

Written from the contract's schemas, field for field; ``tests/test_models.py`` fails when a
model and its schema disagree on a field, whether it is required, or a request limit. Request
models refuse unknown fields (as the api does); response models ignore fields added later.
Works with pydantic 1.10 and 2.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional, Type, TypeVar, Union

import pydantic
from pydantic import BaseModel, Field

PYDANTIC_2 = pydantic.VERSION.startswith("2")
M = TypeVar("M", bound=BaseModel)

PIPELINE_KEY = r"^[a-z0-9][a-z0-9-]{0,62}$"


def limited(max_length: Optional[int] = None, min_length: Optional[int] = None, pattern: Optional[str] = None, **kw: Any) -> Any:
    """A string field with the contract's limits (pydantic 1 and 2 spell the pattern differently)."""
    if pattern is not None:
        kw["pattern" if PYDANTIC_2 else "regex"] = pattern
    return Field(kw.pop("default", None), max_length=max_length, min_length=min_length, **kw)


def items(max_items: int, **kw: Any) -> Any:
    """A list field with at most ``max_items`` elements."""
    kw["max_length" if PYDANTIC_2 else "max_items"] = max_items
    return Field(kw.pop("default", None), **kw)


if PYDANTIC_2:

    class ResponseModel(BaseModel):
        """A body the api sends: fields added later are ignored."""

        model_config = pydantic.ConfigDict(populate_by_name=True, extra="ignore", protected_namespaces=())

    class RequestModel(BaseModel):
        """A body sent to the api: unknown fields are refused, as the api refuses them."""

        model_config = pydantic.ConfigDict(populate_by_name=True, extra="forbid", protected_namespaces=())

else:

    class ResponseModel(BaseModel):  # type: ignore[no-redef]
        """A body the api sends: fields added later are ignored."""

        class Config:
            allow_population_by_field_name = True
            extra = "ignore"

    class RequestModel(BaseModel):  # type: ignore[no-redef]
        """A body sent to the api: unknown fields are refused, as the api refuses them."""

        class Config:
            allow_population_by_field_name = True
            extra = "forbid"


def parse(model: Type[M], data: Any) -> M:
    """Validates ``data`` into ``model`` (pydantic 1 or 2)."""
    return model.model_validate(data) if PYDANTIC_2 else model.parse_obj(data)  # type: ignore[attr-defined]


def dump(model: BaseModel) -> Dict[str, Any]:
    """The JSON body of a request model: wire names, absent fields left out."""
    if PYDANTIC_2:
        return model.model_dump(by_alias=True, exclude_none=True, mode="json")  # type: ignore[attr-defined]
    return json.loads(model.json(by_alias=True, exclude_none=True))


# ── Requests ────────────────────────────────────────────────────────────────────────────────


class ContextDocument(RequestModel):
    id: str = limited(200, 1, default=...)
    text: str = limited(200_000, default=...)


class SubmissionInput(RequestModel):
    prompt: Optional[str] = limited(100_000)
    context: Optional[List[ContextDocument]] = items(50)
    language: Optional[str] = limited(16)


class SubmissionOutput(RequestModel):
    text: Optional[str] = limited(200_000)
    json_: Optional[Dict[str, Any]] = Field(None, alias="json")
    samples: Optional[List[str]] = items(20)
    logprobs: Optional[List[float]] = items(100_000)


class ModelInfo(RequestModel):
    provider: str = limited(200, 1, default=...)
    name: str = limited(200, 1, default=...)
    version: Optional[str] = limited(200)


class SubmissionRequest(RequestModel):
    """The body of POST /v1/submissions."""

    pipeline: str = limited(63, pattern=PIPELINE_KEY, default=...)
    external_id: Optional[str] = limited(200, alias="externalId")
    input: SubmissionInput
    output: SubmissionOutput
    model: ModelInfo
    prompt_version: Optional[str] = limited(100, alias="promptVersion")
    metadata: Optional[Dict[str, Any]] = None
    callback_url: Optional[str] = limited(2000, alias="callbackUrl")


# ── Responses ───────────────────────────────────────────────────────────────────────────────


class FieldProblem(ResponseModel):
    path: str
    message: str


class Problem(ResponseModel):
    """The body of every 4xx and 5xx."""

    status_code: int = Field(..., alias="statusCode")
    error: str
    message: str
    problems: Optional[List[FieldProblem]] = None
    #: Fastify's error code, when the HTTP server refused the request itself.
    code: Optional[str] = None
    #: OAuth's description of the error, beside `error`, on the OIDC back-channel logout's 400.
    error_description: Optional[str] = None


class AcceptedSubmission(ResponseModel):
    id: str
    status: str


class Reason(ResponseModel):
    code: str
    message: str


class OutputView(ResponseModel):
    text: Optional[str] = None
    json_: Optional[Any] = Field(None, alias="json")


class Decision(ResponseModel):
    outcome: Optional[str] = Field(...)
    route: Optional[str] = None
    decided_by: Optional[str] = Field(None, alias="decidedBy")
    reasons: List[Reason]
    flags: Optional[List[str]] = None
    final_output: Optional[OutputView] = Field(None, alias="finalOutput")
    qa_sample: Optional[bool] = Field(None, alias="qaSample")
    qa_sample_rate: Optional[float] = Field(None, alias="qaSampleRate")
    ai_review: Optional[Dict[str, Any]] = Field(None, alias="aiReview")
    reviewers: Optional[List[str]] = None
    edited: Optional[bool] = None
    original_output: Optional[OutputView] = Field(None, alias="originalOutput")


class TimelineEntry(ResponseModel):
    at: datetime
    type: str
    from_: Optional[str] = Field(..., alias="from")
    to: Optional[str] = Field(...)
    actor: str
    data: Optional[Dict[str, Any]] = Field(...)


class Span(ResponseModel):
    start: Optional[int] = None
    end: Optional[int] = None
    path: Optional[str] = None
    text: Optional[str] = None


class GateFinding(ResponseModel):
    code: str
    message: str
    spans: Optional[List[Span]] = None
    suggestion: Optional[str] = None


class GateResult(ResponseModel):
    type: str
    passed: bool
    on_fail: str = Field(..., alias="onFail")
    findings: List[GateFinding]


class SignalResult(ResponseModel):
    name: str
    score: Optional[float] = Field(...)
    missing: bool
    weight: float
    contribution: float
    evidence: Any = Field(...)


class SubmissionView(ResponseModel):
    id: str
    external_id: Optional[str] = Field(..., alias="externalId")
    pipeline: str
    policy_version: int = Field(..., alias="policyVersion")
    status: str
    decision: Optional[Decision] = Field(...)
    confidence: Optional[float] = Field(...)
    signals: List[SignalResult]
    gates: List[GateResult]
    model: Dict[str, Any]
    prompt_version: Optional[str] = Field(..., alias="promptVersion")
    created_at: datetime = Field(..., alias="createdAt")
    updated_at: datetime = Field(..., alias="updatedAt")
    decided_at: Optional[datetime] = Field(..., alias="decidedAt")
    timeline: List[TimelineEntry]


class OutcomeDecision(ResponseModel):
    outcome: Optional[str] = Field(...)
    decided_by: Optional[str] = Field(..., alias="decidedBy")
    final_output: Any = Field(..., alias="finalOutput")
    reasons: List[Reason]
    flags: List[str] = []
    route: Optional[str] = None


class OutcomeLinks(ResponseModel):
    submission: str
    events: str


class OutcomeData(ResponseModel):
    id: str
    external_id: Optional[str] = Field(..., alias="externalId")
    pipeline: str
    status: str
    decision: OutcomeDecision
    decided_at: Optional[datetime] = Field(..., alias="decidedAt")
    links: OutcomeLinks


class SubmissionEvent(ResponseModel):
    """A ``submission.*`` webhook body (Standard Webhooks ``{type, timestamp, data}``)."""

    type: Literal["submission.approved", "submission.rejected", "submission.expired", "submission.routed"]
    timestamp: datetime
    data: OutcomeData


class Audit(ResponseModel):
    task_id: str = Field(..., alias="taskId")
    verdict: str
    reason_codes: List[str] = Field(..., alias="reasonCodes")
    comment: Optional[str] = Field(...)
    corrected_output: Any = Field(..., alias="correctedOutput")


class AuditFailedData(ResponseModel):
    id: str
    external_id: Optional[str] = Field(..., alias="externalId")
    pipeline: str
    status: str
    approved_by: Optional[str] = Field(..., alias="approvedBy")
    audit: Audit
    links: OutcomeLinks


class AuditFailedEvent(ResponseModel):
    """``audit.failed``: an output approved automatically (and delivered) was overturned by an audit."""

    type: Literal["audit.failed"]
    timestamp: datetime
    data: AuditFailedData


#: The body of an outcome webhook, and each feed event's payload.
OutcomeEvent = Union[SubmissionEvent, AuditFailedEvent]


class FeedEvent(ResponseModel):
    cursor: str
    id: str
    type: str
    submission_id: str = Field(..., alias="submissionId")
    created_at: datetime = Field(..., alias="createdAt")
    payload: OutcomeEvent


class EventsFeed(ResponseModel):
    events: List[FeedEvent]
    next_cursor: str = Field(..., alias="nextCursor")
    has_more: bool = Field(..., alias="hasMore")


class WebhookSecret(ResponseModel):
    id: str
    secret: str
    created_at: datetime = Field(..., alias="createdAt")
    expires_at: Optional[datetime] = Field(..., alias="expiresAt")


class WebhookEndpoint(ResponseModel):
    url: Optional[str] = Field(...)
    subscribe_routed: bool = Field(..., alias="subscribeRouted")
    secrets: List[WebhookSecret]


class DeadLetter(ResponseModel):
    id: str
    client_id: str = Field(..., alias="clientId")
    submission_id: str = Field(..., alias="submissionId")
    type: str
    attempts: int
    last_error: Optional[str] = Field(..., alias="lastError")
    created_at: datetime = Field(..., alias="createdAt")
    dead_at: datetime = Field(..., alias="deadAt")


class ReplayResult(ResponseModel):
    replayed: int


#: Each model and the contract schema it is written from (checked by tests/test_models.py).
CONTRACT_SCHEMAS: Dict[str, Type[BaseModel]] = {
    "ContextDocumentDto": ContextDocument,
    "SubmissionInputDto": SubmissionInput,
    "SubmissionOutputDto": SubmissionOutput,
    "ModelDto": ModelInfo,
    "CreateSubmissionDto": SubmissionRequest,
    "Problem": Problem,
    "AcceptedSubmission": AcceptedSubmission,
    "Decision": Decision,
    "TimelineEntry": TimelineEntry,
    "Span": Span,
    "GateFinding": GateFinding,
    "GateResult": GateResult,
    "SignalResult": SignalResult,
    "SubmissionView": SubmissionView,
    "SubmissionEvent": SubmissionEvent,
    "AuditFailedEvent": AuditFailedEvent,
    "FeedEvent": FeedEvent,
    "EventsFeed": EventsFeed,
    "WebhookSecret": WebhookSecret,
    "WebhookEndpoint": WebhookEndpoint,
    "DeadLetter": DeadLetter,
    "ReplayResult": ReplayResult,
}
