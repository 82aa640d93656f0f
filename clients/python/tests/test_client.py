"""The Python SDK against the running stack: submit, idempotent retry, waiting for a decision,
webhook verification, the events feed, problem details; sync and async."""
import asyncio
import time
import uuid

import httpx
import pytest

from arbiter_client import (
    AcceptedSubmission,
    ArbiterApiError,
    ArbiterClient,
    AsyncArbiterClient,
    DecisionTimeout,
    RetryPolicy,
    SubmissionView,
    WebhookVerificationError,
    verify_webhook,
)

from .conftest import new_api_key, submission


def test_submit_sends_its_own_idempotency_key_and_a_retry_with_it_is_the_same_submission(stack, api_key):
    with ArbiterClient(stack["baseUrl"], api_key) as client:
        first = client.submit(submission())
        assert first.status == 202 and isinstance(first.submission, AcceptedSubmission)
        assert uuid.UUID(first.idempotency_key) and not first.replayed
        again = client.submit(submission(), idempotency_key=first.idempotency_key)
        assert again.replayed and again.submission.id == first.submission.id
        with pytest.raises(ArbiterApiError) as conflict:
            client.submit(submission(externalId="other"), idempotency_key=first.idempotency_key)
        assert conflict.value.status == 409 and conflict.value.problem.status_code == 409


def test_retries_429_after_retry_after_and_every_submission_lands_once(stack, admin):
    retries = []
    policy = RetryPolicy(max_retries=5, base_delay=0.05, on_retry=lambda attempt, status, delay: retries.append((status, delay)))
    with ArbiterClient(stack["baseUrl"], new_api_key(admin, requests_per_second=2), retry=policy) as client:
        ids = {client.submit(submission(externalId=f"n-{i}")).submission.id for i in range(5)}
        assert len(ids) == 5
        assert any(status == 429 and delay >= 1 for status, delay in retries)


def test_problem_details_are_typed_errors(stack, api_key):
    with ArbiterClient(stack["baseUrl"], api_key) as client:
        with pytest.raises(ArbiterApiError) as unknown:
            client.submit(submission(pipeline="nowhere"))
        assert unknown.value.status == 404 and unknown.value.problem.error == "Not Found"
        assert unknown.value.request_id
        with pytest.raises(ArbiterApiError) as empty:
            client.submit(submission(output={}))
        assert empty.value.status == 400 and empty.value.problems
        with pytest.raises(ArbiterApiError) as missing:
            client.get_submission(str(uuid.uuid4()))
        assert missing.value.status == 404
    with ArbiterClient(stack["baseUrl"], "wrong-key") as stranger:
        with pytest.raises(ArbiterApiError) as refused:
            stranger.get_submission(str(uuid.uuid4()))
        assert refused.value.status == 401


def test_waits_for_a_decision_with_wait_then_polling(stack, api_key, admin):
    with ArbiterClient(stack["baseUrl"], api_key) as client:
        quick = client.submit_and_wait(submission(), timeout=10)
        assert quick.status == "approved" and quick.decision.decided_by == "auto"
        assert quick.decision.final_output.text == "The capital of France is Paris."

        held = client.submit_and_wait(submission(pipeline="desk"), until="routed", timeout=10)
        assert held.status == "human_review"
        with pytest.raises(DecisionTimeout):
            client.decision(held.id, timeout=0.3)

        # A reviewer decides over REST while the client polls.
        email = f"py-{uuid.uuid4().hex[:8]}@test.local"
        admin.post("/v1/users", json={"email": email, "password": "reviewer-pass-1", "role": "reviewer", "queues": ["desk"]}).raise_for_status()
        token = httpx.post(f"{stack['baseUrl']}/v1/auth/login", json={"email": email, "password": "reviewer-pass-1"}).json()["accessToken"]
        with httpx.Client(base_url=stack["baseUrl"], headers={"authorization": f"Bearer {token}"}) as reviewer:
            deadline = time.monotonic() + 10
            while True:
                task = reviewer.post("/v1/review/claim", json={}).json()["task"]
                if task and task["submission"]["id"] == held.id:
                    break
                if task:
                    reviewer.post(f"/v1/review/tasks/{task['task']['id']}/release", json={"leaseToken": task["task"]["leaseToken"]})
                assert time.monotonic() < deadline, "no task for the held submission"
                time.sleep(0.1)
            decided = reviewer.post(
                f"/v1/review/tasks/{task['task']['id']}/decide",
                json={"leaseToken": task["task"]["leaseToken"], "action": "reject", "reasonCodes": ["inaccurate"]},
            )
            assert decided.json() == {"result": "decided", "outcome": "rejected"}
        final = client.decision(held.id, timeout=10, poll=0.1)
        assert final.status == "rejected" and final.decision.decided_by == "human"


def test_verifies_outcome_webhooks_and_refuses_tampering(stack, api_key, receiver):
    with ArbiterClient(stack["baseUrl"], api_key) as client:
        endpoint = client.set_webhook_endpoint(receiver.url)
        secret = endpoint.secrets[0].secret
        sent = client.submit(submission())
        [hook] = receiver.wait_for(1)
        event = verify_webhook(secret, hook["headers"], hook["body"])
        assert event.type == "submission.approved" and event.data.id == sent.submission.id
        assert event.data.decision.outcome == "approved"
        with pytest.raises(WebhookVerificationError):
            verify_webhook(secret, hook["headers"], hook["body"].replace(b"approved", b"rejected"))
        with pytest.raises(WebhookVerificationError):
            verify_webhook(secret, hook["headers"], hook["body"], now=time.time() + 3600)
        with pytest.raises(WebhookVerificationError):
            verify_webhook("whsec_" + "QUJD", hook["headers"], hook["body"])

        rotated = client.rotate_webhook_secret(overlap_seconds=60)
        new_secret = next(s.secret for s in rotated.secrets if s.expires_at is None)
        client.submit(submission())
        second = receiver.wait_for(2)[1]
        assert verify_webhook(new_secret, second["headers"], second["body"]).type == "submission.approved"
        assert verify_webhook([secret], second["headers"], second["body"].decode()).type == "submission.approved"


def test_reads_the_events_feed_resuming_from_a_cursor(stack, api_key):
    with ArbiterClient(stack["baseUrl"], api_key) as client:
        ids = [client.submit(submission(externalId=f"e-{i}")).submission.id for i in range(4)]
        for submission_id in ids:
            client.decision(submission_id, timeout=10)
        seen = []
        deadline = time.monotonic() + 10
        while len(seen) < 4 and time.monotonic() < deadline:
            seen = list(client.events(limit=3))
        assert sorted(e.submission_id for e in seen) == sorted(ids)
        assert all(e.payload.type == "submission.approved" for e in seen)
        later = client.submit(submission(externalId="later")).submission.id
        following = client.events(after=seen[-1].cursor, follow=True, poll=0.1)
        assert next(following).submission_id == later


def test_the_async_client_submits_waits_and_reads_the_feed(stack, api_key):
    async def scenario():
        async with AsyncArbiterClient(stack["baseUrl"], api_key) as client:
            results = await asyncio.gather(*(client.submit(submission(externalId=f"a-{i}"), wait_ms=5000) for i in range(3)))
            assert {r.status for r in results} == {200}
            assert all(isinstance(r.submission, SubmissionView) and r.submission.status == "approved" for r in results)
            held = await client.submit_and_wait(submission(pipeline="desk"), until="routed", timeout=10)
            assert held.status == "human_review"
            events = [e async for e in client.events(limit=2)]
            assert sorted(e.submission_id for e in events) == sorted(r.submission.id for r in results)
            with pytest.raises(ArbiterApiError) as unknown:
                await client.submit(submission(pipeline="nowhere"))
            assert unknown.value.status == 404

    asyncio.run(scenario())
