from __future__ import annotations

import pytest

from tacitus.resolve.dates import resolve_expression

SUNDAY = "2017-01-01"  # a Sunday paper


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Sunday", SUNDAY, ("2017-01-01", "day")),
        ("on Thursday", SUNDAY, ("2016-12-29", "day")),
        ("Saturday night", SUNDAY, ("2016-12-31", "day")),
        ("last Sunday", SUNDAY, ("2016-12-25", "day")),
        ("yesterday", SUNDAY, ("2016-12-31", "day")),
        ("today", SUNDAY, ("2017-01-01", "day")),
        ("New Year's Eve", SUNDAY, ("2016-12-31", "day")),
        ("Dec. 29", SUNDAY, ("2016-12-29", "day")),
        ("December 30, 2016", SUNDAY, ("2016-12-30", "day")),
        ("30 December 2016", SUNDAY, ("2016-12-30", "day")),
        ("14 May 2005", "2005-05-14", ("2005-05-14", "day")),
        ("Jan. 3", SUNDAY, ("2017-01-03", "day")),
        ("three days ago", "2020-03-10", ("2020-03-07", "day")),
        ("last week", SUNDAY, ("2016-W51", "week")),
        ("earlier this month", "2016-03-09", ("2016-03", "month")),
        ("last month", "2016-03-09", ("2016-02", "month")),
        ("in 2008", "2016-03-09", ("2008", "year")),
        ("in September", "2016-03-09", ("2015-09", "month")),
        ("Monday", "2024-11-01", ("2024-10-28", "day")),
        ("Friday", "2024-11-01", ("2024-11-01", "day")),
    ],
)
def test_expressions(expression: str, published: str, expected: tuple[str, str]) -> None:
    assert resolve_expression(expression, published) == expected


def test_relative_expression_needs_a_publication_date() -> None:
    assert resolve_expression("on Thursday", "") is None
    assert resolve_expression("December 30, 2016", "") == ("2016-12-30", "day")


def test_not_a_date() -> None:
    assert resolve_expression("the next few hours", SUNDAY) is None
