"""The JSON API: events, articles, stories, dyads, coding; the error envelope; limits;
SQL-injection strings through every filter."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_samples import ODD_ID

from tacitus.pipeline import Coder
from tacitus.store import open_store
from tacitus.web import create_app

FILTERS = ("actor", "recipient", "cameo", "quad", "since", "until", "place", "text")
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "1; DELETE FROM articles",
    "USA' UNION SELECT * FROM articles --",
    "%' OR 1=1 --",
    "') OR TRUE; --",
    "1 OR 1=1",
    "2024-01-01' OR '1'='1",
    "\\x00'; --",
    "\x00' OR 1=1",
]


def assert_envelope(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["title"], str) and isinstance(body["errors"], list)
    return body


def test_events_are_the_contract_records_with_paging(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["ok"] is True and body["total"] == 9 and len(body["events"]) == 9
    assert body["next"] is None
    first = body["events"][0]
    for key in ("id", "doc_id", "date", "cameo", "quad_code", "goldstein", "actor",
                "recipient", "event_text", "text_info", "evidence", "modality", "confidence",
                "rule", "story_id"):  # fmt: skip
        assert key in first
    page = client.get("/api/events?actor=RUS&limit=2").json()
    assert page["total"] == 3 and len(page["events"]) == 2
    assert page["next"] == "/api/events?actor=RUS&offset=2&limit=2"
    rest = client.get(page["next"]).json()
    assert len(rest["events"]) == 1 and rest["next"] is None
    ids = [e["id"] for e in page["events"] + rest["events"]]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("query", "count"),
    [("actor=RUS", 3), ("recipient=ETH", 2), ("cameo=17", 2), ("quad=4", 3),
     ("since=2024-03-15", 5), ("until=2024-03-10", 2), ("place=moscow", 2), ("place=KEN", 1),
     ("text=diplomats", 2), ("actor=RUS&recipient=GBR&quad=1", 1)],
)  # fmt: skip
def test_api_filters_match_the_store(client: TestClient, query: str, count: int) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] == count == len(body["events"]), body


def test_an_article_with_its_events(client: TestClient) -> None:
    body = client.get("/api/articles/nairobi-1").json()
    assert body["article"]["id"] == "nairobi-1"
    assert body["article"]["text"].startswith("Kenya and Ethiopia")
    assert [e["cameo"] for e in body["events"]] == ["057", "033"]
    odd = client.get("/api/articles/odd%20id%2Fwith%20slash%20%26%20%3Fquery%23hash").json()
    assert odd["article"]["id"] == ODD_ID
    assert_envelope(client.get("/api/articles/missing"), 404)


def test_stories_and_dyads(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories["ok"] and len(stories["stories"]) >= 8
    assert all(isinstance(s["outlets"], list) for s in stories["stories"])
    page = client.get("/api/stories?limit=3").json()
    assert len(page["stories"]) == 3 and page["next"].startswith("/api/stories?offset=3")
    dyad = client.get("/api/dyads/RUS/GBR").json()
    assert dyad["events"] == 3 and dyad["undated"] == 0
    weeks = {w["week"]: w for w in dyad["weeks"]}
    assert weeks["2024-03-04"]["quad4"] == 1 and weeks["2024-03-04"]["goldstein"] == -5.0
    assert weeks["2024-04-08"]["quad1"] == 1
    assert len(dyad["weeks"]) == 6  # gaps filled, week by week
    assert_envelope(client.get("/api/dyads/RUS/a b"), 400)


def test_code_a_text(client: TestClient) -> None:
    response = client.post(
        "/api/code",
        json={"text": "Russia expelled two British diplomats on Monday.", "date": "2024-03-06"},
    )
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert [(e["cameo"], e["date"]) for e in events] == [("174", "2024-03-04")]
    assert client.post("/api/code", json={"text": ""}).json()["events"] == []


@pytest.mark.parametrize(
    ("body", "status"),
    [({"text": "x", "date": "yesterday-ish"}, 400), ({"date": "2024-01-01"}, 422),
     ({"text": 5}, 422), ([], 422), ("not json", 422)],
)  # fmt: skip
def test_bad_code_requests_are_client_errors(client: TestClient, body: Any, status: int) -> None:
    if isinstance(body, str):
        response = client.post(
            "/api/code", content=body, headers={"content-type": "application/json"}
        )
    else:
        response = client.post("/api/code", json=body)
    assert_envelope(response, status)


def test_a_body_past_the_limit_is_413(client: TestClient) -> None:
    big = {"text": "Russia expelled diplomats. " * 4000}
    assert_envelope(client.post("/api/code", json=big), 413)

    def chunks() -> Any:  # no content-length: the limit is counted while reading
        for _ in range(100):
            yield b"x" * 1000

    assert_envelope(
        client.post("/api/code", content=chunks(), headers={"content-type": "application/json"}),
        413,
    )


class SlowCoder:
    version = "slow"

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.started = threading.Event()

    def code_text(self, text: str, *, date: str = "", doc_id: str = "") -> list[Any]:
        self.started.set()
        time.sleep(self.delay)
        return []


def test_coding_has_a_time_limit(web_db: Path) -> None:
    slow = SlowCoder(1.0)
    app = create_app(web_db, coder_factory=lambda: slow, code_timeout=0.2)
    with TestClient(app) as client:
        body = assert_envelope(client.post("/api/code", json={"text": "slow"}), 400)
        assert "time limit" in body["error"]
        # the first text still holds the coder: the next request waits, then is told to retry
        busy = client.post("/api/code", json={"text": "next"})
        assert busy.status_code in (400, 503)
        if busy.status_code == 503:
            assert busy.headers["retry-after"]


@pytest.mark.parametrize(
    "url",
    ["/api/events?quad=7", "/api/events?limit=0", "/api/events?offset=-5",
     "/api/events?since=nonsense", "/api/events?actor=%3Cscript%3E", "/api/articles/nope",
     "/api/nothing-here", "/api/events?text=" + "y" * 201, "/api/stories?min_articles=0"],
)  # fmt: skip
def test_every_api_error_is_the_envelope(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert_envelope(response, response.status_code)


def test_a_wrong_method_is_the_envelope_too(client: TestClient) -> None:
    assert_envelope(client.get("/api/code"), 405)
    assert_envelope(client.delete("/api/events"), 405)


@pytest.mark.parametrize("name", FILTERS)
def test_sql_injection_through_every_filter_is_harmless(
    client: TestClient, web_db: Path, name: str
) -> None:
    for payload in INJECTIONS:
        for path in ("/api/events", "/", "/map"):
            response = client.get(path, params={name: payload})
            assert response.status_code < 500, (path, name, payload)
            if response.status_code == 200 and path == "/api/events":
                # a payload that is a valid value matches literally, never everything
                assert response.json()["total"] < 9, (name, payload)
    for payload in INJECTIONS[:4]:
        assert client.get("/api/articles/" + payload).status_code == 404
        assert client.get(f"/dyads/{payload}/RUS").status_code in (400, 404)
        assert client.get(f"/api/dyads/RUS/{payload}").status_code in (400, 404)
    assert client.get("/api/events").json()["total"] == 9
    with open_store(web_db, read_only=True) as store:
        assert store.counts()["articles"] == 6 and store.counts()["events"] == 9


def test_the_store_is_opened_read_only(client: TestClient) -> None:
    app: Any = client.app
    reader = app.state.reader
    assert reader.store.read_only
    with pytest.raises(Exception, match="read-only|read only"):
        reader.store.con.execute("CREATE TABLE intruder (x INTEGER)")


def test_the_openapi_schema_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/articles/{doc_id}", "/api/code", "/api/stories",
                 "/api/dyads/{actor}/{recipient}"):  # fmt: skip
        assert path in schema["paths"], path
    code = schema["paths"]["/api/code"]["post"]
    assert {"413", "422"} <= set(code["responses"])
    assert "ErrorEnvelope" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_the_coder_is_created_once_lazily(web_db: Path, coder: Coder) -> None:
    made: list[int] = []

    def factory() -> Coder:
        made.append(1)
        return coder

    app = create_app(web_db, coder_factory=factory)
    with TestClient(app) as client:
        assert client.get("/").status_code == 200 and made == []
        for _ in range(2):
            client.post("/api/code", json={"text": "Kenya praised Ethiopia."})
    assert made == [1]
