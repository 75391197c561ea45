"""Invented articles for the web tests (hostile ones included), written for tacitus."""

from __future__ import annotations

from tacitus.types import Article

SCRIPT = '<script>alert("pwned")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
ODD_ID = "odd id/with slash & ?query#hash"

ARTICLES = [
    Article(
        id="moscow-1", published="2024-03-06", source="North Wire",
        url="https://news.example.org/moscow-1",
        title=f"Diplomats sent home {SCRIPT}",
        text=(
            "Russia expelled two British diplomats in Moscow on Monday. "
            "The British government condemned the expulsion. " + SCRIPT
        ),
    ),
    Article(
        id="moscow-2", published="2024-03-20", source="East Daily",
        title="A second round of expulsions",
        text="Russia expelled three British diplomats in Moscow on Tuesday.",
    ),
    Article(
        id="moscow-3", published="2024-04-10", source="North Wire",
        title="Moscow and London talk",
        text="Russia praised Britain for the prisoner exchange in Moscow on Monday.",
    ),
    Article(
        id="sahel-1", published="2024-03-13", source=f"South Post {BREAKOUT}",
        url="javascript:alert(1)",
        title=BREAKOUT,
        text=(
            "French troops attacked rebel positions near Gao on Tuesday. " + BREAKOUT + " "
            "The United Nations called on France to show restraint in Geneva."
        ),
    ),
    Article(
        id="nairobi-1", published="2024-03-20", source="East Daily",
        title="Trade deal signed in Nairobi",
        text=(
            "Kenya and Ethiopia signed a trade agreement in Nairobi on Wednesday. "
            "Germany pledged aid to Ethiopia."
        ),
    ),
    Article(
        id=ODD_ID, published="2024-03-21", source="West Herald",
        title="Odd id '; DROP TABLE events; --",
        text="Egypt hosted talks with Israel in Cairo on Thursday.",
    ),
]
