"""`tacitus eval`: precision, recall and F1 of coded events against a gold folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tacitus.evaluate import Dyad, Score, dyads_of_event, dyads_of_gold, score, score_by_root
from tacitus.ingest import Rejection, iter_articles
from tacitus.ontology import normalise

__all__ = ["evaluate"]


def _gold_dyads(row: dict[str, Any]) -> list[Dyad]:
    if "actor" in row:  # the project's own event contract
        return [Dyad(d.source, d.target, normalise(d.cameo), d.date) for d in dyads_of_event(row)]
    cameo = normalise(str(row.get("cameo") or row.get("root") or ""))
    return dyads_of_gold(
        str(row.get("source") or ""), str(row.get("target") or ""), cameo, row.get("date") or ""
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise typer.BadParameter(f"{path}:{number}: invalid JSON ({err.msg})") from err
    return rows


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of <doc_id>.jsonl gold events.")],
    pred: Annotated[
        Path | None,
        typer.Argument(help="Predicted events (JSONL with doc_id); default: code the folder."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score events against gold: P/R/F1 at root, root+countries, root+source country and
    code+actors, and per CAMEO root.

    Gold files are `<doc_id>.jsonl`, one event per line, in tacitus's own event format or as
    `source`/`target`/`cameo` rows. Without PRED, the articles in GOLD_DIR (`<doc_id>.txt`,
    with their header) are coded first.

    Example: tacitus eval tests/data/gold_articles
    """
    if not gold_dir.is_dir():
        raise typer.BadParameter(f"{gold_dir} is not a folder")
    gold = {
        p.stem: [d for row in _read_jsonl(p) for d in _gold_dyads(row)]
        for p in sorted(gold_dir.glob("*.jsonl"))
    }
    if not gold:
        raise typer.BadParameter(f"{gold_dir} holds no <doc_id>.jsonl gold files")
    predicted: dict[str, list[Dyad]] = {doc: [] for doc in gold}
    if pred is not None:
        for row in _read_jsonl(pred):
            predicted.setdefault(str(row.get("doc_id")), []).extend(dyads_of_event(row))
    else:
        from tacitus.pipeline import Coder

        coder = Coder()
        texts = [str(p) for p in sorted(gold_dir.glob("*.txt")) if p.stem in gold]
        for item in iter_articles(texts):
            if isinstance(item, Rejection):
                Console(stderr=True, soft_wrap=True).print(
                    f"tacitus: {item.origin}: {item.reason}", markup=False
                )
                continue
            predicted[item.id] = [
                d for e in coder.code_article(item) for d in dyads_of_event(e.to_dict())
            ]
    overall = score(gold, predicted)
    roots = score_by_root(gold, predicted)
    if as_json:

        def as_dict(s: Score) -> dict[str, float | int]:
            return {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }

        print(
            json.dumps(
                {
                    "overall": {k: as_dict(v) for k, v in overall.items()},
                    "roots": {k: as_dict(v) for k, v in roots.items()},
                },
                indent=2,
            )
        )
        return
    console = Console()
    for title, table_scores in (("overall", overall), ("per CAMEO root", roots)):
        table = Table(title=f"{title} ({len(gold)} documents)")
        for column in (
            "granularity" if title == "overall" else "root",
            "P",
            "R",
            "F1",
            "tp",
            "fp",
            "fn",
        ):
            table.add_column(
                column, justify="left" if column in ("granularity", "root") else "right"
            )
        for name, s in table_scores.items():
            table.add_row(
                name,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(s.tp),
                str(s.fp),
                str(s.fn),
            )
        console.print(table)
