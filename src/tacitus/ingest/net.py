"""Downloads: the only module of tacitus that opens network connections.

One bounded HTTP(S) GET per URL given as input: a timeout on every connect and read, a total
time limit, a size cap (read in chunks and abandoned past the cap, never buffered whole), at
most a few redirects and only to http/https URLs. Nothing else in tacitus fetches anything:
feeds and pages are handed to their parsers as bytes.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import IO, Any
from urllib.parse import urlsplit

from tacitus import __version__
from tacitus.errors import FetchError
from tacitus.ingest.base import size_text

__all__ = ["Download", "fetch", "is_url"]

_CHUNK = 1 << 16
_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Download:
    """What a URL returned: the final URL (after redirects), its media type, charset, bytes."""

    url: str
    media_type: str
    charset: str
    data: bytes


def is_url(name: str) -> bool:
    """`name` is an http(s) URL (rather than a file name)."""
    return name.lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most `limit` redirects (urllib's own cap is 10), to http(s) URLs only."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.left = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise FetchError(f"{req.full_url} redirects to {newurl!r}, not an http(s) URL")
        if self.left <= 0:
            raise FetchError(f"{req.full_url}: too many redirects (ingest.fetch_max_redirects)")
        self.left -= 1
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    max_seconds: float,
    max_redirects: int = 5,
) -> Download:
    """GET `url`; FetchError when refused, slow, too large, or answered with an HTTP error."""
    if urlsplit(url).scheme.lower() not in _SCHEMES:
        raise FetchError(f"{url!r} is not an http or https URL")
    opener = urllib.request.build_opener(_Redirects(max_redirects))
    request = urllib.request.Request(
        url,
        headers={"User-Agent": f"tacitus/{__version__}", "Accept-Encoding": "identity"},
    )
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            return _read(response, url, max_bytes=max_bytes, deadline=started + max_seconds)
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: HTTP {err.code} {' '.join(str(err.reason).split())}") from err
    except urllib.error.URLError as err:
        raise FetchError(f"{url}: cannot connect ({err.reason})") from err
    except TimeoutError as err:
        raise FetchError(f"{url}: no answer within {timeout:g} s (ingest.fetch_timeout)") from err
    except (OSError, HTTPException, ValueError) as err:
        raise FetchError(f"{url}: download failed ({type(err).__name__}: {err})") from err


def _read(response: Any, url: str, *, max_bytes: int, deadline: float) -> Download:
    assert isinstance(response, HTTPResponse)  # http(s) only, checked above
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{url}: {size_text(int(declared))}, more than ingest.max_input_bytes "
            f"({size_text(max_bytes)})"
        )
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: download took too long (ingest.fetch_max_seconds)")
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                f"{url}: more than ingest.max_input_bytes ({size_text(max_bytes)}); "
                "download abandoned"
            )
        parts.append(chunk)
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise FetchError(f"{url}: the server sent {encoding!r}-encoded data though asked not to")
    return Download(
        url=response.geturl(),
        media_type=response.headers.get_content_type(),
        charset=response.headers.get_content_charset() or "",
        data=b"".join(parts),
    )
