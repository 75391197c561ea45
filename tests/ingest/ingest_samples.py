"""Inputs written for the ingest tests: news pages, feeds and web archives, all invented."""

from __future__ import annotations

import io
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = (
    "Russia expelled two British diplomats on Monday, the foreign ministry in Moscow said in a "
    "statement published on its website.",
    "Britain condemned the decision and summoned the Russian ambassador in London, officials "
    "said, adding that a response was being prepared.",
    "The dispute follows months of tension between the two governments over allegations of "
    "espionage and interference.",
)
GERMAN = (
    "Der Außenminister warf dem Nachbarland am Dienstag vor, Truppen an der Grenze "
    "zusammenzuziehen, und erklärte die Gespräche zwischen beiden Regierungen für gescheitert."
)
FRENCH = (
    "Le ministre des affaires étrangères a accusé mardi le pays voisin de masser des troupes à "
    "la frontière et a déclaré que les négociations avaient échoué."
)


def news_page(
    *,
    title: str = "Moscow expels British diplomats",
    published: str = "2024-03-04T09:30:00+01:00",
    url: str = "https://news.example.org/world/expulsions",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    charset: str = "utf-8",
) -> str:
    """A news page with navigation, a caption, a related-links box and a footer around it."""
    date_meta = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    url_meta = f'<link rel="canonical" href="{url}">' if url else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{escape(title)} | The Example Courier</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="The Example Courier">
{date_meta}{url_meta}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in to read more</a></li></ul></nav>
</header>
<main><article>
<h1>{escape(title)}</h1>
<figure><img src="/img/embassy.jpg" alt=""><figcaption>The embassy building seen from the river
embankment on a grey afternoon. Photograph: Staff photographer</figcaption></figure>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets close lower</a></li>
<li><a href="/b">Weather warning for the weekend</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 The Example Courier. All rights reserved. Privacy policy. Contact us.
</p></footer>
</body></html>"""


def rss_feed(items: list[dict[str, str]], *, title: str = "Example Wire: World") -> str:
    """An RSS 2.0 feed; each item may have title, link, guid, pubDate, description, content."""
    parts = []
    for item in items:
        fields = []
        for key in ("title", "link", "guid", "pubDate"):
            if key in item:
                fields.append(f"<{key}>{escape(item[key])}</{key}>")
        if "description" in item:
            fields.append(f"<description>{escape(item['description'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>https://wire.example.org/</link>"
        "<description>World news</description>" + "".join(parts) + "</channel></rss>"
    )


def atom_feed(entries: list[dict[str, str]]) -> str:
    """An Atom 1.0 feed; each entry may have title, link, id, published, updated, content."""
    parts = []
    for entry in entries:
        fields = [f"<title>{escape(entry.get('title', ''))}</title>"]
        if "link" in entry:
            fields.append(f'<link rel="alternate" href="{escape(entry["link"])}"/>')
        for key in ("id", "published", "updated"):
            if key in entry:
                fields.append(f"<{key}>{escape(entry[key])}</{key}>")
        if "content" in entry:
            fields.append(f'<content type="html">{escape(entry["content"])}</content>')
        if "summary" in entry:
            fields.append(f"<summary>{escape(entry['summary'])}</summary>")
        parts.append("<entry>" + "".join(fields) + "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Example Atom Desk</title><id>urn:example:desk</id>"
        "<updated>2024-03-05T00:00:00Z</updated>" + "".join(parts) + "</feed>"
    )


def warc_bytes(
    records: list[dict[str, object]], *, gzip: bool = True, with_info: bool = True
) -> bytes:
    """A WARC file. Each record: uri, body (bytes), and optionally type (default response),
    content_type, status, date, headers (extra HTTP headers)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    if with_info:
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for spec in records:
        kind = str(spec.get("type", "response"))
        body = spec["body"]
        assert isinstance(body, bytes)
        warc_headers = {"WARC-Date": str(spec.get("date", "2024-03-05T08:00:00Z"))}
        http = None
        content_type = ""
        if kind == "response":
            headers = [("Content-Type", str(spec.get("content_type", "text/html; charset=utf-8")))]
            extra = spec.get("headers") or []
            assert isinstance(extra, list)
            headers += extra
            http = StatusAndHeaders(str(spec.get("status", "200 OK")), headers, "HTTP/1.1")
        elif kind == "resource":
            content_type = str(spec.get("content_type", "text/html"))
        elif kind == "request":
            http = StatusAndHeaders(
                f"GET {spec['uri']} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
            )
        record = writer.create_warc_record(
            str(spec["uri"]),
            kind,
            payload=io.BytesIO(body),
            http_headers=http,
            warc_content_type=content_type,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(record)
    return buf.getvalue()
