"""The `tacitus` command line: thin shells over the library, one module per command."""

from __future__ import annotations

import typer

import tacitus.cli.dict as dict_cmd
from tacitus.cli import actor as actor_cmd
from tacitus.cli import code as code_cmd
from tacitus.cli import demo as demo_cmd
from tacitus.cli import evaluate as eval_cmd
from tacitus.cli import export as export_cmd
from tacitus.cli import ingest as ingest_cmd
from tacitus.cli import query as query_cmd
from tacitus.cli import serve as serve_cmd
from tacitus.cli import stats as stats_cmd
from tacitus.cli import stories as stories_cmd

__all__ = ["app", "main"]

app = typer.Typer(
    name="tacitus",
    help="News articles in, coded political events (CAMEO / PLOVER) out. Offline, CPU only.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.command("code")(code_cmd.code)
app.command("demo")(demo_cmd.demo)
app.command("eval")(eval_cmd.evaluate)
app.command("ingest")(ingest_cmd.ingest)
app.command("stories")(stories_cmd.stories)
app.command("query")(query_cmd.query)
app.command("export")(export_cmd.export)
app.command("stats")(stats_cmd.stats)
app.command("actor")(actor_cmd.actor)
app.command("serve")(serve_cmd.serve)
app.add_typer(dict_cmd.app, name="dict")


def main() -> None:
    """Entry point of the console script."""
    app()
