"""Errors of the Arbiter client: local refusals, the api's problem details, timeouts, bad webhooks."""
from __future__ import annotations

from typing import Any, List, Optional


class ArbiterError(Exception):
    """Every error this client raises."""


class ArbiterValidationError(ArbiterError):
    """The request breaks the contract: refused locally, never sent."""

    def __init__(self, problems: List[dict], what: str = "request") -> None:
        self.problems = problems
        text = "; ".join(f"{p['path'] or '(body)'}: {p['message']}" for p in problems)
        super().__init__(f"invalid {what}: {text}")


class ArbiterApiError(ArbiterError):
    """The api refused or failed: its problem details, status and request id."""

    def __init__(self, status: int, problem: Any, request_id: Optional[str], retry_after: Optional[int]) -> None:
        self.status = status
        self.problem = problem
        self.request_id = request_id
        self.retry_after = retry_after
        super().__init__(f"{status} {problem.error}: {problem.message}")

    @property
    def problems(self) -> List[Any]:
        """The fields the api named, when the refusal is about fields."""
        return list(self.problem.problems or [])


class DecisionTimeout(ArbiterError):
    """No decision within the time given; ``submission`` is how it stood."""

    def __init__(self, submission: Any) -> None:
        self.submission = submission
        super().__init__(f"submission {submission.id} is still {submission.status}")


class WebhookVerificationError(ArbiterError):
    """A webhook whose signature or timestamp does not verify: do not act on it."""
