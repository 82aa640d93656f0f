"""The pydantic models say what the contract says: the same fields, the same required ones, the
same request limits. A field added to the contract without its model fails here."""
from typing import Any, Dict

import pytest
from pydantic import BaseModel

from arbiter_client import SubmissionRequest, ArbiterValidationError, ArbiterClient
from arbiter_client.models import CONTRACT_SCHEMAS, PYDANTIC_2, RequestModel, SubmissionView, parse


def fields_of(model: Any) -> Dict[str, Any]:
    """Wire name → (required, field) of a model, for pydantic 1 and 2."""
    if PYDANTIC_2:
        return {(f.alias or name): (f.is_required(), f) for name, f in model.model_fields.items()}
    return {f.alias: (f.required, f) for f in model.__fields__.values()}


def limit(field: Any, name: str) -> Any:
    if PYDANTIC_2:
        for meta in field.metadata:
            if hasattr(meta, name):
                return getattr(meta, name)
        return None
    return getattr(field.field_info, name, None)


@pytest.mark.parametrize("schema_name", sorted(CONTRACT_SCHEMAS))
def test_model_has_the_fields_of_its_contract_schema(contract: dict, schema_name: str) -> None:
    schema = contract["components"]["schemas"][schema_name]
    fields = fields_of(CONTRACT_SCHEMAS[schema_name])
    assert sorted(fields) == sorted(schema["properties"])
    required = sorted(name for name, (is_required, _) in fields.items() if is_required)
    assert required == sorted(schema.get("required", []))
    if not issubclass(CONTRACT_SCHEMAS[schema_name], RequestModel):
        return  # limits are checked on what is sent; answers are parsed as they come
    for name, prop in schema["properties"].items():
        _, field = fields[name]
        if "maxLength" in prop:
            assert limit(field, "max_length") == prop["maxLength"], name
        if "maxItems" in prop:
            assert limit(field, "max_length" if PYDANTIC_2 else "max_items") == prop["maxItems"], name
        if "pattern" in prop:
            assert limit(field, "pattern" if PYDANTIC_2 else "regex") == prop["pattern"], name


def test_every_model_is_checked() -> None:
    import arbiter_client.models as models

    written = {m for m in vars(models).values() if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == models.__name__}
    helpers = {models.ResponseModel, models.RequestModel, models.FieldProblem, models.Reason, models.OutputView, models.OutcomeData, models.OutcomeDecision, models.OutcomeLinks, models.Audit, models.AuditFailedData}
    assert written - helpers == set(CONTRACT_SCHEMAS.values())


def test_the_outcome_event_union_is_the_contracts(contract: dict) -> None:
    from typing import get_args

    from arbiter_client.models import OutcomeEvent

    refs = [one["$ref"].rsplit("/", 1)[1] for one in contract["components"]["schemas"]["OutcomeEvent"]["oneOf"]]
    assert [CONTRACT_SCHEMAS[name] for name in refs] == list(get_args(OutcomeEvent))


def test_refuses_locally_what_the_contract_refuses() -> None:
    # No server at this address: a request that got sent would fail with a connection error.
    client = ArbiterClient("http://127.0.0.1:9", api_key="k")
    with pytest.raises(ArbiterValidationError) as refused:
        client.submit({"pipeline": "Not A Key", "input": {}, "output": {"text": "x"}, "model": {"provider": "p", "name": "n"}, "surprise": 1})
    assert sorted(p["path"] for p in refused.value.problems) == ["pipeline", "surprise"]
    with pytest.raises(ArbiterValidationError):
        client.submit(SubmissionRequest(pipeline="ok", input={}, output={"text": "x"}, model={"provider": "p", "name": "n"}), wait_ms=20_000)
    with pytest.raises(ArbiterValidationError):
        client.get_submission("not-a-uuid")
    with pytest.raises(ArbiterValidationError):
        client.events_page("0", limit=0)


def test_a_view_parses_with_fields_added_later() -> None:
    view = {
        "id": "2b1f4c9e-6d1a-4c3e-9c51-0a4b3f1e2d7a", "externalId": None, "pipeline": "p", "policyVersion": 1,
        "status": "approved", "decision": None, "confidence": None, "signals": [], "gates": [], "model": {},
        "promptVersion": None, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
        "decidedAt": None, "timeline": [], "addedLater": True,
    }
    assert parse(SubmissionView, view).status == "approved"
