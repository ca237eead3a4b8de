"""The OpenAPI schema and the docs page are public; the data behind them is not."""

from __future__ import annotations

from django.test import Client


def test_the_openapi_schema_loads_and_lists_the_endpoints(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Tweespraak API"
    assert {"/api/v1/me", "/api/v1/people", "/api/v1/people/{person_id}"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"}
    }


def test_the_docs_page_is_served(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_every_api_endpoint_answers_anonymous_callers_with_401_json(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    for path in paths:
        url = path.replace("{person_id}", "00000000-0000-0000-0000-000000000000")
        response = Client().get(url)
        assert response.status_code == 401, url
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response.json()["error"]["code"] == "unauthorized"
