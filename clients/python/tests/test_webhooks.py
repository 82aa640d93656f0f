"""verify_webhook against a Standard Webhooks signature computed independently."""
import base64
import hashlib
import hmac
import json
import time

import pytest

from arbiter_client import WebhookVerificationError, verify_webhook

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123").decode()
BODY = json.dumps({
    "type": "submission.rejected", "timestamp": "2026-01-01T00:00:00.000Z",
    "data": {"id": "s1", "externalId": None, "pipeline": "p", "status": "rejected",
             "decision": {"outcome": "rejected", "decidedBy": "human", "finalOutput": None, "reasons": []},
             "decidedAt": "2026-01-01T00:00:00.000Z", "links": {"submission": "/v1/submissions/s1", "events": "/v1/events"}},
})


def headers(secret: str = SECRET, at: int = 0, extra: str = "") -> dict:
    at = at or int(time.time())
    mac = hmac.new(base64.b64decode(secret[6:]), f"msg_1.{at}.{BODY}".encode(), hashlib.sha256).digest()
    return {"Webhook-Id": "msg_1", "Webhook-Timestamp": str(at), "Webhook-Signature": f"{extra}v1,{base64.b64encode(mac).decode()}"}


def test_accepts_a_valid_signature_among_several():
    assert verify_webhook(SECRET, headers(extra="v1,bm90LWl0 "), BODY).data.decision.outcome == "rejected"


@pytest.mark.parametrize(
    "case",
    ["missing", "not-a-number", "too-old", "wrong-secret", "no-v1"],
)
def test_refuses(case):
    h = headers()
    if case == "missing":
        del h["Webhook-Signature"]
    elif case == "not-a-number":
        h["Webhook-Timestamp"] = "soon"
    elif case == "too-old":
        h = headers(at=int(time.time()) - 301)
    elif case == "wrong-secret":
        h = headers(secret="whsec_" + base64.b64encode(b"another").decode())
    elif case == "no-v1":
        h["Webhook-Signature"] = h["Webhook-Signature"].replace("v1,", "v2,")
    with pytest.raises(WebhookVerificationError):
        verify_webhook(SECRET, h, BODY)
