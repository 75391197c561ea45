"""The quality gate: the project's own gold sentences and articles, with pinned F1 floors.

Floors live in floors.json next to this file; lowering one is a visible, reviewed change.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from tacitus.evaluate import Dyad, Score, country_of, dyads_of_event, dyads_of_gold, score
from tacitus.ingest import read_text_article
from tacitus.ontology import normalise
from tacitus.pipeline import Coder
from tacitus.types import Article

HERE = Path(__file__).parent
DATA = HERE.parent / "data"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))


def _gold_sentences() -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    with (DATA / "gold_sentences.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            item = rows.setdefault(
                row["id"], {"sentence": row["sentence"], "published": row["published"], "gold": []}
            )
            if row["cameo"].strip() != "-":
                item["gold"].append(row)  # type: ignore[attr-defined]
    return rows


SENTENCES = _gold_sentences()


# Both modes meet the floors: the default (spaCy's NER) and --fast (dictionary entities).
MODES = {"default": ("coder", "coder_all"), "fast": ("fast_coder", "fast_coder_all")}


@pytest.fixture(scope="module", params=sorted(MODES))
def sentence_results(request: pytest.FixtureRequest) -> dict[str, list[dict[str, object]]]:
    coder_all: Coder = request.getfixturevalue(MODES[request.param][1])
    out: dict[str, list[dict[str, object]]] = {}
    for sid, item in SENTENCES.items():
        events = coder_all.code_text(str(item["sentence"]), date=str(item["published"]), doc_id=sid)
        out[sid] = [e.to_dict() for e in events]
    return out


def _split(
    results: dict[str, list[dict[str, object]]],
) -> tuple[
    dict[str, list[Dyad]], dict[str, list[Dyad]], dict[str, list[Dyad]], dict[str, list[Dyad]]
]:
    gold_asserted: dict[str, list[Dyad]] = defaultdict(list)
    gold_other: dict[str, list[Dyad]] = defaultdict(list)
    pred_asserted: dict[str, list[Dyad]] = defaultdict(list)
    pred_other: dict[str, list[Dyad]] = defaultdict(list)
    for sid, item in SENTENCES.items():
        gold_asserted.setdefault(sid, [])
        for row in item["gold"]:  # type: ignore[attr-defined]
            dyads = dyads_of_gold(row["actor"], row["recipient"], normalise(row["cameo"]))
            target = gold_asserted if row["modality"] == "asserted" else gold_other
            target[sid].extend(Dyad(d.source, d.target, d.cameo, row["modality"]) for d in dyads)
        for event in results[sid]:
            dyads = dyads_of_event(event)
            target = pred_asserted if event["modality"] == "asserted" else pred_other
            target[sid].extend(
                Dyad(d.source, d.target, d.cameo, str(event["modality"])) for d in dyads
            )
    return gold_asserted, gold_other, pred_asserted, pred_other


def _report(name: str, scores: dict[str, Score]) -> str:
    return "; ".join(
        f"{name} {k}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"(tp={s.tp} fp={s.fp} fn={s.fn})"
        for k, s in scores.items()
    )


def test_gold_sentence_floors(sentence_results: dict[str, list[dict[str, object]]]) -> None:
    gold, _, pred, _ = _split(sentence_results)
    scores = score(gold, pred)
    print(_report("sentences", scores))
    floors = FLOORS["sentences"]
    for key, floor in floors.items():
        metric, granularity = key.split("@")
        value = getattr(scores[granularity], metric)
        assert value >= floor, f"{key} = {value:.3f} fell below its floor {floor}"


def test_gold_sentence_modality(sentence_results: dict[str, list[dict[str, object]]]) -> None:
    """Negated, hypothetical, future and alleged acts stay out of the default output."""
    gold_asserted, gold_other, pred_asserted, pred_other = _split(sentence_results)
    leaks = found = total = 0
    for sid, dyads in gold_other.items():
        asserted_keys = {(d.root, country_of(d.source)) for d in pred_asserted.get(sid, [])}
        gold_keys = {(d.root, country_of(d.source)) for d in gold_asserted.get(sid, [])}
        other_keys = {(d.root, country_of(d.source), d.date) for d in pred_other.get(sid, [])}
        for dyad in dyads:
            total += 1
            key = (dyad.root, country_of(dyad.source))
            if key in asserted_keys and key not in gold_keys:
                leaks += 1
            if (dyad.root, country_of(dyad.source), dyad.date) in other_keys:
                found += 1
    leak_rate = leaks / max(total, 1)
    marked = found / max(total, 1)
    print(f"modality: {total} non-asserted gold acts, leaked {leaks}, marked right {found}")
    assert leak_rate <= FLOORS["modality"]["max_leak_rate"], f"leak rate {leak_rate:.3f}"
    assert marked >= FLOORS["modality"]["min_marked_rate"], f"marked rate {marked:.3f}"


def _gold_articles() -> list[tuple[Article, list[Dyad]]]:
    out = []
    for path in sorted((DATA / "gold_articles").glob("*.txt")):
        article = read_text_article(
            path.read_text(encoding="utf-8"), doc_id=path.stem, origin=str(path)
        )
        assert isinstance(article, Article)
        gold: list[Dyad] = []
        for line in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold.extend(
                    dyads_of_gold(
                        row["source"],
                        row["target"],
                        normalise(str(row["cameo"])),
                        row.get("date") or "",
                    )
                )
        out.append((article, gold))
    return out


@pytest.mark.parametrize("mode", sorted(MODES))
def test_gold_article_floors(mode: str, request: pytest.FixtureRequest) -> None:
    coder: Coder = request.getfixturevalue(MODES[mode][0])
    gold: dict[str, list[Dyad]] = {}
    pred: dict[str, list[Dyad]] = {}
    for article, dyads in _gold_articles():
        gold[article.id] = dyads
        pred[article.id] = [
            d for e in coder.code_article(article) for d in dyads_of_event(e.to_dict())
        ]
    scores = score(gold, pred)
    print(_report(f"articles ({mode})", scores))
    for key, floor in FLOORS["articles"].items():
        metric, granularity = key.split("@")
        value = getattr(scores[granularity], metric)
        assert value >= floor, f"{key} = {value:.3f} fell below its floor {floor}"
