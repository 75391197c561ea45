"""More date expressions, each checked by hand against a calendar (issue: when and where)."""

from __future__ import annotations

import pytest

from tacitus.resolve.dates import resolve_expression

WED = "2024-03-06"  # a Wednesday in a leap year
MON = "2023-01-02"  # a Monday just after New Year

CASES = [
    # weekdays in a Wednesday paper (the Thursday before is Feb 29)
    ("on Monday", WED, ("2024-03-04", "day")),
    ("on Tuesday", WED, ("2024-03-05", "day")),
    ("on Wednesday", WED, ("2024-03-06", "day")),
    ("on Thursday", WED, ("2024-02-29", "day")),
    ("on Friday", WED, ("2024-03-01", "day")),
    ("on Saturday", WED, ("2024-03-02", "day")),
    ("on Sunday", WED, ("2024-03-03", "day")),
    ("last Wednesday", WED, ("2024-02-28", "day")),
    ("next Monday", WED, ("2024-03-11", "day")),
    ("Tuesday evening", WED, ("2024-03-05", "day")),
    ("late on Sunday", WED, ("2024-03-03", "day")),
    # weekdays across a year boundary in a Monday paper
    ("on Sunday", MON, ("2023-01-01", "day")),
    ("on Saturday", MON, ("2022-12-31", "day")),
    ("on Friday", MON, ("2022-12-30", "day")),
    ("on Thursday", MON, ("2022-12-29", "day")),
    ("on Wednesday", MON, ("2022-12-28", "day")),
    ("on Tuesday", MON, ("2022-12-27", "day")),
    ("on Monday", MON, ("2023-01-02", "day")),
    # relative days
    ("yesterday", "2024-03-01", ("2024-02-29", "day")),
    ("yesterday", "2023-03-01", ("2023-02-28", "day")),
    ("yesterday", "2024-01-01", ("2023-12-31", "day")),
    ("last night", "2020-05-10", ("2020-05-09", "day")),
    ("overnight", "2020-05-10", ("2020-05-09", "day")),
    ("this morning", "2020-05-10", ("2020-05-10", "day")),
    ("earlier today", "2020-05-10", ("2020-05-10", "day")),
    ("tonight", "2020-05-10", ("2020-05-10", "day")),
    ("tomorrow", WED, ("2024-03-07", "day")),
    ("the day before yesterday", WED, ("2024-03-04", "day")),
    ("two days ago", WED, ("2024-03-04", "day")),
    ("3 days ago", WED, ("2024-03-03", "day")),
    ("ten days ago", WED, ("2024-02-25", "day")),
    # explicit dates
    ("March 15, 2011", WED, ("2011-03-15", "day")),
    ("15 March 2011", WED, ("2011-03-15", "day")),
    ("the 15th of March 2011", WED, ("2011-03-15", "day")),
    ("2011-03-15", WED, ("2011-03-15", "day")),
    ("Sept. 11, 2001", WED, ("2001-09-11", "day")),
    ("Sep 11", "2001-09-12", ("2001-09-11", "day")),
    ("Dec. 29", "2017-01-01", ("2016-12-29", "day")),
    ("Jan. 3", "2017-01-01", ("2017-01-03", "day")),
    ("Jan. 20", "2017-01-01", ("2016-01-20", "day")),
    ("Feb. 29, 2024", WED, ("2024-02-29", "day")),
    ("on 1 May", "2021-05-03", ("2021-05-01", "day")),
    ("August 2nd", "2021-08-05", ("2021-08-02", "day")),
    ("June 30", "2021-07-01", ("2021-06-30", "day")),
    # holidays
    ("on Christmas Day", "2020-12-27", ("2020-12-25", "day")),
    ("on Christmas Eve", "2020-12-27", ("2020-12-24", "day")),
    ("on New Year's Day", "2021-01-03", ("2021-01-01", "day")),
    ("on New Year's Eve", "2021-01-03", ("2020-12-31", "day")),
    ("on Boxing Day", "2020-12-28", ("2020-12-26", "day")),
    ("on Valentine's Day", "2022-02-15", ("2022-02-14", "day")),
    ("on Halloween", "2022-11-01", ("2022-10-31", "day")),
    ("New Year's Eve 2019", WED, ("2019-12-31", "day")),
    # weeks, months, years keep their precision
    ("last week", WED, ("2024-W09", "week")),
    ("this week", WED, ("2024-W10", "week")),
    ("earlier this week", WED, ("2024-W10", "week")),
    ("a week ago", WED, ("2024-W09", "week")),
    ("last month", WED, ("2024-02", "month")),
    ("earlier this month", WED, ("2024-03", "month")),
    ("a month ago", WED, ("2024-02", "month")),
    ("in January", WED, ("2024-01", "month")),
    ("in November", WED, ("2023-11", "month")),
    ("in March 2019", WED, ("2019-03", "month")),
    ("early March", WED, ("2024-03", "month")),
    ("last year", WED, ("2023", "year")),
    ("a year ago", WED, ("2023", "year")),
    ("this year", WED, ("2024", "year")),
    ("in 2015", WED, ("2015", "year")),
    ("since 2015", WED, ("2015", "year")),
    ("during 1998", WED, ("1998", "year")),
]


@pytest.mark.parametrize(("expression", "published", "expected"), CASES)
def test_expression(expression: str, published: str, expected: tuple[str, str]) -> None:
    assert resolve_expression(expression, published) == expected


@pytest.mark.parametrize(
    "expression", ["soon", "recently", "in the coming weeks", "at midnight", "for decades", "now"]
)
def test_not_a_day(expression: str) -> None:
    assert resolve_expression(expression, WED) is None


@pytest.mark.parametrize("expression", ["on Monday", "yesterday", "last week", "in January"])
def test_relative_needs_a_publication_day(expression: str) -> None:
    assert resolve_expression(expression, "") is None
