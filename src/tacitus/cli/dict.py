"""`tacitus dict`: work with actor dictionaries (importing PETRARCH/Phoenix dictionaries)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tacitus.errors import TacitusError

__all__ = ["app", "import_petrarch"]

app = typer.Typer(
    help="Actor dictionaries: import PETRARCH/Phoenix dictionaries into tacitus's format.\n\n"
    "Example: tacitus dict import-petrarch my.actors my.agents -o mydict",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.command("import-petrarch")
def import_petrarch(
    files: Annotated[list[str], typer.Argument(help="PETRARCH .actors and .agents files.")],
    out: Annotated[str, typer.Option("-o", "--out", help="Folder to write the tacitus files to.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="auto (dated or ELI entries are people, others organisations), "
            "people or organisations.",
        ),
    ] = "auto",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files already in the folder.")
    ] = False,
) -> None:
    """Convert PETRARCH/Phoenix .actors and .agents dictionaries into tacitus actor files.

    Writes people.jsonl (people with dated roles), organisations.tsv, roles.tsv (from
    agents) and countries.tsv (extra names of countries) into the folder OUT, as needed;
    each is then given to `tacitus code --actors FILE` or the `lexicon.actors` setting. The
    output is loaded once before writing, so what is written is known to load. Entries that
    cannot be converted (a code naming no country tacitus knows, an agent code with no
    tacitus sector) are listed on stderr.

    Example: tacitus dict import-petrarch my.actors my.agents -o mydict
    """

    def fail(message: str) -> None:
        typer.echo(f"tacitus: {message}", err=True)
        raise typer.Exit(2)

    from tacitus.lexicon.actors import load_actor_lexicon
    from tacitus.lexicon.petrarch import KINDS, convert_files, render

    if kind not in KINDS:
        fail(f"--kind must be one of {', '.join(KINDS)}")
    target = Path(out)
    if target.exists() and not target.is_dir():
        fail(f"{out} is a file; -o takes a folder")
    try:
        countries = load_actor_lexicon().countries
        conversion = convert_files([Path(f) for f in files], countries=countries, kind=kind)
    except TacitusError as exc:
        fail(str(exc))
        return
    written = render(conversion, countries=countries)
    if not written:
        fail("nothing to write: no entry of these files could be converted")
    clashes = [name for name in written if (target / name).exists()]
    if clashes and not force:
        fail(f"{target / clashes[0]} exists; use --force to overwrite")
    target.mkdir(parents=True, exist_ok=True)
    paths = [target / name for name in written]
    for path, text in zip(paths, written.values(), strict=True):
        path.write_text(text, encoding="utf-8")
    try:
        load_actor_lexicon.__wrapped__(tuple(str(p) for p in paths))
    except TacitusError as exc:
        fail(f"the converted files do not load: {exc}")
    for reason in conversion.skipped:
        typer.echo(f"tacitus: skipped {reason}", err=True)
    counts = (
        f"{len(conversion.people)} people, {len(conversion.organisations)} organisation rows, "
        f"{len(conversion.roles)} roles, {len(conversion.countries)} countries"
    )
    typer.echo(f"tacitus: wrote {counts} to {target}", err=True)
    for path in paths:
        typer.echo(str(path))
