"""One JSON error envelope for every API error, and the HTML error page for the rest."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, Field

__all__ = ["ErrorEnvelope", "WebError", "envelope", "error_responses"]


class ErrorEnvelope(BaseModel):
    """The body of every API error (as datasette: ``ok`` false, the status and a message)."""

    ok: bool = Field(False, description="Always false for an error.")
    status: int = Field(description="The HTTP status code, repeated.")
    title: str = Field(description="The status' name, e.g. 'Bad Request'.")
    error: str = Field(description="What went wrong and what to do about it.")
    errors: list[dict[str, Any]] = Field(
        default_factory=list, description="Per-parameter problems of a rejected request."
    )


class WebError(Exception):
    """An error to show the client with its status (raised by the routes, rendered once)."""

    def __init__(self, status: int, message: str, errors: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def envelope(
    status: int, message: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The error envelope as a dict."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body = ErrorEnvelope(ok=False, status=status, title=title, error=message, errors=errors or [])
    return body.model_dump()


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries documenting the envelope for `statuses`."""
    return {
        status: {"model": ErrorEnvelope, "description": HTTPStatus(status).phrase}
        for status in statuses
    }
