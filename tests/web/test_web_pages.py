"""The server-rendered pages: content, filters, paging, highlighting, escaping, errors."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_samples import BREAKOUT, ODD_ID, SCRIPT

PAGES = ["/", "/articles/moscow-1", "/articles/sahel-1", "/dyads/RUS/GBR", "/map", "/stories"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_outside_the_server(client: TestClient, url: str) -> None:
    html = client.get(url).text
    for attribute in re.findall(r'\b(?:src|href|action)="([^"]*)"', html):
        # the only absolute URL a page may hold is an article's own link, never loaded
        assert attribute.startswith(("/", "#", "?")) or attribute.startswith(
            "https://news.example.org/"
        ), attribute
    assert "@import" not in html and "url(" not in html


def test_static_assets_are_served_by_the_app(client: TestClient) -> None:
    css = client.get("/static/style.css")
    js = client.get("/static/app.js")
    assert css.status_code == js.status_code == 200
    assert "mark.k-actor" in css.text and "http" not in css.text
    assert "addEventListener" in js.text and "http" not in js.text
    assert client.get("/static/../app.py").status_code == 404


def test_the_events_page_lists_every_event_with_a_link_to_its_article(
    client: TestClient,
) -> None:
    html = client.get("/").text
    assert "9 events" in html
    assert 'href="/articles/moscow-1#ev-' in html
    assert 'href="/articles/nairobi-1#ev-' in html
    assert 'href="/dyads/RUSGOV/GBRGOV"' in html
    assert f'href="/articles/{quote(ODD_ID, safe="")}#ev-' in html
    assert 'name="actor"' in html and 'name="quad"' in html and 'name="since"' in html


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("actor=RUS", ["moscow-1", "moscow-2", "moscow-3"], ["sahel-1", "nairobi-1"]),
        ("actor=rus&recipient=GBRGOV", ["moscow-2", "moscow-3"], ["sahel-1", "nairobi-1"]),
        ("cameo=17", ["moscow-1", "moscow-2"], ["moscow-3", "nairobi-1"]),
        ("quad=1", ["nairobi-1", "moscow-3"], ["moscow-2"]),
        ("since=2024-03-15&until=2024-03-31", ["moscow-2", "nairobi-1"], ["moscow-1"]),
        ("place=Nairobi", ["nairobi-1"], ["moscow-1"]),
        ("text=trade+agreement", ["nairobi-1"], ["moscow-1"]),
    ],
)
def test_each_filter_narrows_the_events(
    client: TestClient, query: str, expected: list[str], absent: list[str]
) -> None:
    html = client.get(f"/?{query}").text
    for doc_id in expected:
        assert f"/articles/{doc_id}#" in html, (query, doc_id)
    for doc_id in absent:
        assert f"/articles/{doc_id}#" not in html, (query, doc_id)


def test_the_form_keeps_the_filters_given(client: TestClient) -> None:
    html = client.get("/?actor=RUS&quad=4&text=diplomats").text
    assert 'name="actor" value="RUS"' in html
    assert 'value="4" selected' in html
    assert 'name="text" value="diplomats"' in html


def test_paging_walks_the_listing_keeping_the_filters(client: TestClient) -> None:
    first = client.get("/?actor=RUS&limit=2").text
    assert "3 events, 1–2 shown" in first
    assert 'rel="next" href="/?actor=RUS&amp;offset=2&amp;limit=2"' in first
    assert 'rel="prev"' not in first
    last = client.get("/?actor=RUS&limit=2&offset=2").text
    assert "3 events, 3–3 shown" in last
    assert 'rel="prev" href="/?actor=RUS&amp;offset=0&amp;limit=2"' in last
    assert 'rel="next"' not in last


@pytest.mark.parametrize(
    "query",
    ["quad=9", "quad=abc", "since=2024-13-45", "since=2024-04-01&until=2024-03-01",
     "actor=U$A", "cameo=1a", "limit=0", "limit=100000", "offset=-1", "offset=x",
     "text=" + "x" * 300],
)  # fmt: skip
def test_bad_filter_values_are_client_errors_with_a_message(
    client: TestClient, query: str
) -> None:
    response = client.get(f"/?{query}")
    assert 400 <= response.status_code < 500
    assert 'class="problem"' in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_the_article_page_highlights_the_coded_spans(client: TestClient) -> None:
    html = client.get("/articles/moscow-1").text
    text = html[html.index('<div class="text"') : html.index("</div>", html.index('id="text"'))]
    assert re.search(r'<mark class="hl k-sentence k-actor" data-ev="0">Russia</mark>', text)
    assert re.search(r'class="hl k-sentence k-recipient"[^>]*>two British diplomats<', text)
    assert re.search(r'class="hl k-sentence k-trigger"[^>]*>expelled<', text)
    assert re.search(r'class="hl k-sentence k-place"[^>]*>Moscow<', text)
    # the second report of the expulsion in the next sentence is evidence too
    assert re.search(r'class="hl k-sentence k-trigger"[^>]*>expulsion<', text)
    assert 'class="legend"' in html
    for word in ("actor", "recipient", "trigger", "place"):
        assert f'<mark class="hl k-{word}">{word}</mark>' in html
    table = html[html.index('id="article-events"') :]
    records = client.get("/api/articles/moscow-1").json()["events"]
    assert len(records) == 2
    for record in records:
        assert f'<code>{record["rule"]}</code>' in table
        assert f'<td class="mod-{record["modality"]}">{record["modality"]}</td>' in table
        assert f'<td class="num">{record["confidence"]:.2f}</td>' in table
        assert f'id="ev-{record["id"]}"' in text


def test_the_article_page_keeps_the_text_intact_around_the_marks(client: TestClient) -> None:
    html = client.get("/articles/nairobi-1").text
    start = html.index('id="text">') + len('id="text">')
    body = html[start : html.index("</div>", start)]
    plain = re.sub(r"<[^>]+>", "", body)
    assert plain.startswith("Kenya and Ethiopia signed a trade agreement in Nairobi")
    assert plain.endswith("Germany pledged aid to Ethiopia.")


def test_an_article_with_an_odd_id_is_reachable(client: TestClient) -> None:
    response = client.get("/articles/" + quote(ODD_ID, safe=""))
    assert response.status_code == 200
    assert "Odd id &#39;; DROP TABLE events; --" in response.text


def test_a_missing_article_is_a_404_page(client: TestClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert "no article" in response.text and response.headers["content-type"].startswith(
        "text/html"
    )
    assert client.get("/no/such/page").status_code == 404


@pytest.mark.parametrize("url", ["/", "/articles/moscow-1", "/articles/sahel-1", "/stories",
                                 "/?text=alert", "/?place=", "/map"])  # fmt: skip
def test_hostile_titles_texts_and_outlets_come_out_escaped(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert SCRIPT not in html
    assert BREAKOUT not in html
    assert "<img" not in html
    assert "<script>" not in html
    assert html.count("<script") == 1  # the app's own /static/app.js


def test_hostile_payloads_are_shown_as_text(client: TestClient) -> None:
    html = client.get("/articles/sahel-1").text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    html = client.get("/articles/moscow-1").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html


def test_a_javascript_url_is_never_a_link(client: TestClient) -> None:
    html = client.get("/articles/sahel-1").text
    assert 'href="javascript' not in html.lower()
    html = client.get("/articles/moscow-1").text
    assert 'href="https://news.example.org/moscow-1" rel="noreferrer noopener nofollow"' in html


def test_the_dyad_page_draws_weeks_by_quad_and_the_goldstein_line(client: TestClient) -> None:
    html = client.get("/dyads/RUS/GBR").text
    assert "3 events" in html
    svg = html[html.index('<svg class="chart"') : html.index("</svg>")]
    assert svg.count('class="bar q4"') == 2 and svg.count('class="bar q1"') == 1
    assert '<polyline class="goldstein"' in svg
    assert "mean Goldstein -5.0" in svg or "mean Goldstein" in svg
    assert "2024-03-04" in html and "2024-04-08" in html  # ISO weeks (Mondays)
    assert 'href="/dyads/GBR/RUS"' in html


def test_a_dyad_without_events_and_a_bad_code(client: TestClient) -> None:
    empty = client.get("/dyads/CHN/BRA")
    assert empty.status_code == 200 and "No dated events" in empty.text
    bad = client.get("/dyads/RUS/' OR 1=1 --")
    assert bad.status_code == 400 and "not an actor code" in bad.text


def test_the_map_draws_event_places_on_a_graticule(client: TestClient) -> None:
    html = client.get("/map").text
    svg = html[html.index('<svg class="map"') : html.index("</svg>")]
    assert 'class="graticule"' in svg
    assert svg.count('<circle class="point"') == 4  # Moscow, France, Nairobi, Cairo
    # Moscow (55.75N, 37.62E) in a 720 x 360 equirectangular frame
    assert 'cx="435.24" cy="68.5"' in svg
    assert "Moscow (RUS): 2 events" in svg
    filtered = client.get("/map?actor=KEN").text
    assert filtered.count('<circle class="point"') == 1


def test_the_stories_page_lists_clusters_with_their_outlets(client: TestClient) -> None:
    html = client.get("/stories").text
    assert '<table class="events" id="stories">' in html
    assert '<span class="outlet">North Wire</span>' in html
    assert '<span class="outlet">East Daily</span>' in html
    assert "/articles/nairobi-1#ev-" in html
    assert client.get("/stories?min_articles=2").status_code == 200
    assert client.get("/stories?min_articles=0").status_code == 422
