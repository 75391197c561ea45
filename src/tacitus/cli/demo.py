"""`tacitus demo`: code the packaged sample wire story and print its events."""

from __future__ import annotations

from importlib import resources

from rich.console import Console

from tacitus.ingest import read_text_article
from tacitus.types import Article

__all__ = ["demo", "demo_article"]


def demo_article() -> Article:
    """The packaged sample story (written for tacitus) as an Article."""
    raw = (resources.files("tacitus") / "data" / "demo.txt").read_text(encoding="utf-8")
    article = read_text_article(raw, doc_id="demo", origin="demo.txt")
    assert isinstance(article, Article)  # the packaged file is known to be well formed
    return article


def demo() -> None:
    """Code a sample wire story (shipped with tacitus) and print its events as a table.

    The story has a duplicated photo caption, a negated act, a hypothetical, an accusation
    and a denial; `--all` in `tacitus code` would show the acts left out here.

    Example: tacitus demo
    """
    from tacitus.cli.output import print_table
    from tacitus.pipeline import Coder

    console = Console()
    article = demo_article()
    console.print(f"[bold]{article.title}[/bold] ({article.source}, {article.published})")
    console.print(article.text.strip(), markup=False, highlight=False)
    console.print()
    coder = Coder(include_all=True)
    events = coder.code_article(article)
    asserted = [e for e in events if e.modality == "asserted"]
    others = [e for e in events if e.modality != "asserted"]
    print_table(asserted, console, title="Events (what `tacitus code` prints)")
    if others:
        console.print()
        print_table(others, console, title="Left out: not asserted (shown by `--all`)")
