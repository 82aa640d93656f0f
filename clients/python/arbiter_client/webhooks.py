"""Standard Webhooks verification of Arbiter's outcome webhooks (https://www.standardwebhooks.com)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Mapping, Optional, Sequence, Union

from .errors import WebhookVerificationError
from .models import AuditFailedEvent, OutcomeEvent, SubmissionEvent, parse

DEFAULT_TOLERANCE_SECONDS = 300


def _key(secret: str) -> bytes:
    raw = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    try:
        key = base64.b64decode(raw, validate=True)
    except ValueError as error:
        raise WebhookVerificationError("the webhook secret is not base64") from error
    if not key:
        raise WebhookVerificationError("the webhook secret is empty")
    return key


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def verify_webhook(
    secrets: Union[str, Sequence[str]],
    headers: Mapping[str, str],
    body: Union[bytes, str],
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
    now: Optional[float] = None,
) -> OutcomeEvent:
    """Verifies an outcome webhook and returns its event.

    The signature is an HMAC-SHA256 of ``<webhook-id>.<webhook-timestamp>.<raw body>`` with one of
    ``secrets`` (``whsec_…``; several while a rotated secret still signs), and the timestamp must be
    within ``tolerance_seconds`` of now. Pass the raw body exactly as received. Raises
    WebhookVerificationError otherwise.
    """
    webhook_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not webhook_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
    if not timestamp.isdigit():
        raise WebhookVerificationError("webhook-timestamp is not a number of seconds")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    raw = body if isinstance(body, bytes) else body.encode("utf-8")
    signed = webhook_id.encode() + b"." + timestamp.encode() + b"." + raw
    offered = [s[3:] for s in signatures.split(" ") if s.startswith("v1,")]
    for secret in [secrets] if isinstance(secrets, str) else secrets:
        expected = base64.b64encode(hmac.new(_key(secret), signed, hashlib.sha256).digest()).decode()
        if any(hmac.compare_digest(expected, signature) for signature in offered):
            event = json.loads(raw)
            return parse(AuditFailedEvent if event.get("type") == "audit.failed" else SubmissionEvent, event)
    raise WebhookVerificationError("no signature matches")
