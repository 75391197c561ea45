"""How much of 2000-2025 the packaged people dictionary covers, per country and post.

    python bench/people_coverage.py [ISO3 ...] [--min 0.6]

For each country, the share of the days from 2000-01-01 to 2025-12-31 on which someone in
people.jsonl held its foreign, defence and interior (police) post. A title counts for a post
by its words: "foreign"/"external affairs"/"secretary of state" for foreign; "defence"/
"defense" for defence; "interior", "home", "security", "justice", "police", "safety",
"federal affairs", "peace", "public order", "citizen protection" for interior (the post that
holds the police, whatever the country calls it). With no countries given, prints the
countries below `--min` on some post and counts those at or above it on all three.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import defaultdict
from importlib import resources

from tacitus.lexicon.actors import post_of

START = dt.date(2000, 1, 1)
END = dt.date(2026, 1, 1)
POSTS = ("foreign", "defence", "interior")


def covered_days() -> dict[tuple[str, str], set[int]]:
    """(country, post) -> the ordinals of the days some holder is written for."""
    days: dict[tuple[str, str], set[int]] = defaultdict(set)
    text = resources.files("tacitus.lexicon").joinpath("data/people.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for role in json.loads(line)["roles"]:
            post = post_of(role["title"])
            if "country" not in role or not post:
                continue
            first = max(dt.date.fromisoformat(role["from"]), START)
            last = min(dt.date.fromisoformat(role["to"]) if role["to"] else END, END)
            days[(role["country"], post)].update(range(first.toordinal(), last.toordinal()))
    return days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("countries", nargs="*", help="ISO3 codes (default: all)")
    parser.add_argument("--min", type=float, default=0.6, help="share counted as covered")
    args = parser.parse_args()
    days = covered_days()
    total = (END - START).days
    countries = args.countries or sorted({country for country, _ in days})
    good = []
    for country in countries:
        shares = [len(days[(country, post)]) / total for post in POSTS]
        if args.countries or min(shares) < args.min:
            print(country, " ".join(f"{p}={s:.2f}" for p, s in zip(POSTS, shares, strict=True)))
        if min(shares) >= args.min:
            good.append(country)
    print(f"{len(good)} countries at >= {args.min:.0%} on all three posts: {' '.join(good)}")


if __name__ == "__main__":
    main()
