"""The FastAPI application: server-rendered pages and the JSON API over one read-only store.

Every read goes through :class:`tacitus.web.reader.Reader`; every API error is the envelope
of :mod:`tacitus.web.errors`; pages escape everything they show (Jinja2 autoescape) and load
nothing from outside this server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from tacitus import __version__
from tacitus.errors import TacitusError
from tacitus.ingest import parse_date
from tacitus.ontology import lookup
from tacitus.store import QueryError, StoredEvent
from tacitus.types import Event
from tacitus.web.charts import QUAD_NAMES, dyad_chart, weekly_bins, world_map
from tacitus.web.errors import WebError, envelope, error_responses
from tacitus.web.guard import Guard
from tacitus.web.highlight import KINDS, event_spans, segments
from tacitus.web.reader import MAX_OFFSET, MAX_PAGE, Filters, Reader, as_date

__all__ = ["DEFAULT_CODE_TIMEOUT", "DEFAULT_MAX_BODY", "CodeRequest", "create_app"]

log = logging.getLogger("tacitus.web")

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 64 * 1024
"""Largest POST body accepted (bytes); about 10,000 words of text."""
DEFAULT_CODE_TIMEOUT = 20.0
"""Seconds one POST /api/code may take (loading the model the first time included)."""

CoderFactory = Callable[[], Any]


# -- templates --------------------------------------------------------------------------------
def _href(path: str, params: dict[str, Any] | None = None, **more: Any) -> str:
    merged = {**(params or {}), **more}
    query = urlencode({k: v for k, v in merged.items() if v not in ("", None)})
    return f"{path}?{query}" if query else path


def _article_href(doc_id: str, event_id: str = "") -> str:
    path = "/articles/" + quote(doc_id, safe="")
    return f"{path}#ev-{event_id}" if event_id else path


def _dyad_href(actor: str, recipient: str) -> str:
    return f"/dyads/{quote(actor, safe='')}/{quote(recipient, safe='')}"


def _side_code(actors: tuple[Any, ...]) -> str:
    """The code a dyad link uses for one side: the first actor's code, else its country."""
    for actor in actors:
        if actor.code or actor.country:
            return str(actor.code or actor.country)
    return ""


def _safe_url(url: str) -> str:
    """Only http(s) URLs become links (never javascript: or data:)."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        href=_href, article_href=_article_href, dyad_href=_dyad_href, side_code=_side_code,
        safe_url=_safe_url, quad_names=QUAD_NAMES, kinds=KINDS, version=__version__,
        max_page=MAX_PAGE,
    )  # fmt: skip
    return env


# -- the coder behind POST /api/code ------------------------------------------------------------
class CodeService:
    """One shared Coder, created on first use; one coding at a time, each under a time limit.

    A coding that runs past the limit answers 400 at once; its thread finishes in the
    background (Python cannot stop it) and holds the coder until then, so the requests
    behind it wait up to the limit and then get 503 with Retry-After.
    """

    def __init__(self, factory: CoderFactory, timeout: float) -> None:
        self.factory = factory
        self.timeout = timeout
        self.coder: Any = None
        self.lock = threading.Lock()

    def _run(self, text: str, day: str) -> list[Event]:
        if not self.lock.acquire(timeout=self.timeout):
            raise WebError(503, "the coder is busy with another text; try again shortly")
        try:
            if self.coder is None:
                self.coder = self.factory()
            events: list[Event] = self.coder.code_text(text, date=day, doc_id="request")
            return events
        finally:
            self.lock.release()

    async def code(self, text: str, day: str) -> list[Event]:
        """The events of `text` published on `day`, or WebError past the time limit."""
        try:
            return await asyncio.wait_for(run_in_threadpool(self._run, text, day), self.timeout)
        except TimeoutError:
            raise WebError(
                400,
                f"coding took longer than {self.timeout:g} s, the time limit; send a shorter text",
            ) from None


class CodeRequest(BaseModel):
    """A text to code, and the day it was published (relative dates resolve against it)."""

    text: str = Field(description="The article or sentence to code.")
    date: str = Field("", description="Publication date, YYYY-MM-DD; may be empty.")

    @field_validator("text", "date")
    @classmethod
    def _unicode(cls, value: str) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("contains a lone surrogate; send valid Unicode text") from None
        return value


class EventsPage(BaseModel):
    """A page of events."""

    ok: bool = True
    total: int = Field(description="Events matching the filters.")
    offset: int
    limit: int
    next: str | None = Field(description="URL of the next page, null on the last.")
    events: list[dict[str, Any]] = Field(description="Event records plus story_id.")


class ArticleRecord(BaseModel):
    """A stored article with its events."""

    ok: bool = True
    article: dict[str, Any]
    events: list[dict[str, Any]]


class CodeResult(BaseModel):
    """The events of a coded text."""

    ok: bool = True
    version: str
    events: list[dict[str, Any]]


class StoriesPage(BaseModel):
    """A page of stories (real-world events)."""

    ok: bool = True
    offset: int
    limit: int
    next: str | None
    stories: list[dict[str, Any]]


class DyadSeries(BaseModel):
    """Events of a dyad per week, by quad class, with the mean Goldstein score."""

    ok: bool = True
    actor: str
    recipient: str
    events: int
    undated: int
    weeks: list[dict[str, Any]]


# -- parameters shared by pages and the API ---------------------------------------------------
def _text_param(description: str) -> Any:
    return Query(max_length=200, description=description)


Actor = Annotated[str, _text_param("Actor code or its start (USA, USAGOV, IGOUNO).")]
Recipient = Annotated[str, _text_param("Recipient code or its start.")]
Cameo = Annotated[str, _text_param("CAMEO code prefix (17, 174).")]
Since = Annotated[str, _text_param("First day, YYYY-MM-DD.")]
Until = Annotated[str, _text_param("Last day, YYYY-MM-DD.")]
Place = Annotated[str, _text_param("Text in the event location (name or country code).")]
Text = Annotated[str, _text_param("Text in the evidence sentence.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]

API_ERRORS = error_responses(400, 404, 422)


def create_app(
    db: str | os.PathLike[str],
    *,
    coder_factory: CoderFactory | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    code_timeout: float = DEFAULT_CODE_TIMEOUT,
) -> FastAPI:
    """The web app over the store at `db`, opened read-only (StoreError if it cannot be).

    `coder_factory` makes the Coder of POST /api/code on its first call (default:
    ``tacitus.Coder()``).

    Example:
        import uvicorn
        from tacitus.web import create_app
        uvicorn.run(create_app("tacitus.duckdb"), host="127.0.0.1", port=8000)
    """
    reader = Reader(db)
    if coder_factory is None:

        def coder_factory() -> Any:
            from tacitus.pipeline import Coder

            return Coder()

    service = CodeService(coder_factory, code_timeout)
    env = _environment()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        title="tacitus",
        version=__version__,
        description="Coded political events (CAMEO / PLOVER) of a tacitus store.",
        docs_url=None,  # FastAPI's docs pages load from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.reader = reader
    app.state.coder = service
    app.add_middleware(Guard, max_body=max_body)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(template: str, code: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(counts=reader.counts(), **context)
        return HTMLResponse(html, status_code=code)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    def error(
        request: Request, status: int, message: str, errors: list[Any] | None = None
    ) -> Response:
        if is_api(request):
            return JSONResponse(envelope(status, message, errors), status_code=status)
        return render("error.html", status, status=status, message=message)

    # -- errors ----------------------------------------------------------------------------
    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        response = error(request, exc.status, exc.message, exc.errors)
        if exc.status == 503:
            response.headers["retry-after"] = str(max(1, int(code_timeout)))
        return response

    @app.exception_handler(TacitusError)
    async def _tacitus_error(request: Request, exc: TacitusError) -> Response:
        return error(request, 400, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}"
        response = error(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {
                "loc": [str(part) for part in item.get("loc", ())],
                "msg": str(item.get("msg", "")),
                "type": str(item.get("type", "")),
            }
            for item in exc.errors()
        ]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] if len(first["loc"]) > 1 else first["loc"])
        message = f"{where}: {first['msg']}" if where else str(first["msg"])
        return error(request, 422, message, problems)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        message = "internal error; the server log has the details"
        if is_api(request):
            return JSONResponse(envelope(500, message), status_code=500)
        return HTMLResponse(f"<h1>500</h1><p>{message}</p>", status_code=500)

    # -- API -------------------------------------------------------------------------------
    @app.get("/api/events", response_model=EventsPage, responses=API_ERRORS, tags=["api"])
    def api_events(
        request: Request,
        actor: Actor = "",
        recipient: Recipient = "",
        cameo: Cameo = "",
        quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
        since: Since = "",
        until: Until = "",
        place: Place = "",
        text: Text = "",
        offset: Offset = 0,
        limit: Limit = 50,
    ) -> EventsPage:
        """Stored events matching every filter given, by day, article and position."""
        filters = Filters(
            actor=actor, recipient=recipient, cameo=cameo, quad=str(quad or ""), since=since,
            until=until, place=place, text=text,
        )  # fmt: skip
        page = reader.page(filters, offset=offset, limit=limit)
        nxt = None
        if page.has_next:
            nxt = _href("/api/events", filters.params(), offset=offset + limit, limit=limit)
        return EventsPage(
            total=page.total, offset=offset, limit=limit, next=nxt,
            events=[stored.to_dict() for stored in page.events],
        )  # fmt: skip

    @app.get(
        "/api/articles/{doc_id:path}",
        response_model=ArticleRecord,
        responses=API_ERRORS,
        tags=["api"],
    )
    def api_article(doc_id: Annotated[str, PathParam(description="Article id.")]) -> ArticleRecord:
        """A stored article (text and metadata) and its events."""
        found = reader.article(doc_id)
        if found is None:
            raise WebError(404, f"no article {doc_id!r} in this store")
        article, events = found
        record = {
            "id": article.id, "title": article.title, "url": article.url,
            "published": article.published or None, "source": article.source,
            "text": article.text,
        }  # fmt: skip
        return ArticleRecord(article=record, events=[e.to_dict() for e in events])

    @app.get(
        "/api/stories", response_model=StoriesPage, responses=API_ERRORS, tags=["api"]
    )
    def api_stories(
        offset: Offset = 0,
        limit: Limit = 50,
        min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> StoriesPage:
        """The store's stories (each real-world event once) with their outlets."""
        rows, more = reader.stories(offset=offset, limit=limit, min_articles=min_articles)
        nxt = None
        if more:
            nxt = _href(
                "/api/stories", offset=offset + limit, limit=limit, min_articles=min_articles
            )
        return StoriesPage(
            offset=offset, limit=limit, next=nxt, stories=[s.to_dict() for s in rows]
        )

    @app.get(
        "/api/dyads/{actor}/{recipient}",
        response_model=DyadSeries,
        responses=API_ERRORS,
        tags=["api"],
    )
    def api_dyad(
        actor: Annotated[str, PathParam(max_length=64)],
        recipient: Annotated[str, PathParam(max_length=64)],
    ) -> DyadSeries:
        """Events from `actor` to `recipient` per ISO week, by quad class."""
        data = _dyad(actor, recipient)
        weeks = [
            {
                "week": b.start.isoformat(), "days": b.days,
                **{f"quad{q}": n for q, n in b.quads.items()},
                "goldstein": round(b.goldstein, 3) if b.goldstein is not None else None,
            }
            for b in data["bins"]
        ]  # fmt: skip
        return DyadSeries(
            actor=data["actor"], recipient=data["recipient"], events=len(data["rows"]),
            undated=data["undated"], weeks=weeks,
        )  # fmt: skip

    @app.post(
        "/api/code",
        response_model=CodeResult,
        responses=error_responses(400, 413, 422, 503),
        tags=["api"],
    )
    async def api_code(body: CodeRequest) -> CodeResult:
        """Code a text now (nothing is stored). Bodies past the size limit get 413; a text
        that takes longer than the time limit gets 400."""
        day = parse_date(body.date) if body.date.strip() else ""
        events = await service.code(body.text, day)
        return CodeResult(version=__version__, events=[e.to_dict() for e in events])

    @app.get("/api", include_in_schema=False)
    def api_index() -> Response:
        raise WebError(404, "the API is under /api/events, /api/articles, /api/stories, ...")

    # -- pages -----------------------------------------------------------------------------
    def _dyad(actor: str, recipient: str) -> dict[str, Any]:
        flt = Filters(actor=actor, recipient=recipient).event_filter()
        rows = reader.dyad(flt.actor, flt.recipient)
        dated = []
        for row in rows:
            day = as_date(row["day"])
            if day is not None:
                dated.append((day, int(row["quad_code"]), float(row["goldstein"])))
        return {
            "actor": flt.actor, "recipient": flt.recipient, "rows": rows,
            "bins": weekly_bins(dated), "undated": len(rows) - len(dated),
        }  # fmt: skip

    @app.get("/", response_class=HTMLResponse, responses=error_responses(400, 422))
    def events_page(
        actor: Actor = "",
        recipient: Recipient = "",
        cameo: Cameo = "",
        quad: Annotated[str, Query(max_length=10, description="Quad class 1-4.")] = "",
        since: Since = "",
        until: Until = "",
        place: Place = "",
        text: Text = "",
        offset: Offset = 0,
        limit: Limit = 50,
    ) -> HTMLResponse:
        """The events, filtered and paged; each row links to its article."""
        filters = Filters(
            actor=actor, recipient=recipient, cameo=cameo, quad=quad, since=since,
            until=until, place=place, text=text,
        )  # fmt: skip
        try:
            page = reader.page(filters, offset=offset, limit=limit)
        except QueryError as exc:
            return render(
                "events.html", 400, filters=filters, page=None, problem=exc.message,
                limit=limit,
            )  # fmt: skip
        return render("events.html", filters=filters, page=page, problem="", limit=limit)

    @app.get("/articles/{doc_id:path}", response_class=HTMLResponse, responses=error_responses(404))
    def article_page(doc_id: str) -> HTMLResponse:
        """One article with its events' spans highlighted."""
        found = reader.article(doc_id)
        if found is None:
            raise WebError(404, f"no article {doc_id!r} in this store")
        article, events = found
        spans = [
            span
            for number, stored in enumerate(events)
            for span in event_spans(article.text, number, stored.event)
        ]
        return render(
            "article.html", article=article, events=events, segments=segments(article.text, spans),
            names=_names(events),
        )  # fmt: skip

    @app.get(
        "/dyads/{actor}/{recipient}",
        response_class=HTMLResponse,
        responses=error_responses(400, 422),
    )
    def dyad_page(
        actor: Annotated[str, PathParam(max_length=64)],
        recipient: Annotated[str, PathParam(max_length=64)],
    ) -> HTMLResponse:
        """Events of a dyad per week by quad class, with the Goldstein line."""
        data = _dyad(actor, recipient)
        chart = dyad_chart(data["bins"]) if data["bins"] else None
        recent = list(reversed(data["rows"]))[:200]
        return render("dyad.html", data=data, chart=chart, recent=recent)

    @app.get("/map", response_class=HTMLResponse, responses=error_responses(400, 422))
    def map_page(
        actor: Actor = "",
        recipient: Recipient = "",
        cameo: Cameo = "",
        quad: Annotated[str, Query(max_length=10)] = "",
        since: Since = "",
        until: Until = "",
        place: Place = "",
        text: Text = "",
    ) -> HTMLResponse:
        """Event locations on an equirectangular world map drawn here (no tiles)."""
        filters = Filters(
            actor=actor, recipient=recipient, cameo=cameo, quad=quad, since=since,
            until=until, place=place, text=text,
        )  # fmt: skip
        try:
            places = reader.places(filters)
        except QueryError as exc:
            return render("map.html", 400, filters=filters, world=None, problem=exc.message)
        return render("map.html", filters=filters, world=world_map(places), problem="")

    @app.get("/stories", response_class=HTMLResponse, responses=error_responses(400, 422))
    def stories_page(
        offset: Offset = 0,
        limit: Limit = 50,
        min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> HTMLResponse:
        """The dedup clusters (stories) with the outlets that reported them."""
        rows, more = reader.stories(offset=offset, limit=limit, min_articles=min_articles)
        return render(
            "stories.html", stories=rows, more=more, offset=offset, limit=limit,
            min_articles=min_articles,
        )  # fmt: skip

    return app


def _names(events: list[StoredEvent]) -> dict[str, str]:
    """CAMEO code → its name, for the article page's event list."""
    out: dict[str, str] = {}
    for stored in events:
        code = stored.event.cameo
        if code not in out:
            try:
                out[code] = lookup(code).label
            except TacitusError:
                out[code] = ""
    return out
