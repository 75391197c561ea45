"""`tacitus actor`, `tacitus dict import-petrarch` and user actor dictionaries (`--actors`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.errors import LexiconError
from tacitus.lexicon.actors import load_actor_lexicon
from tacitus.pipeline import Coder

KEYS = ["text", "name", "country", "sector", "code", "wikidata", "confidence"]


@pytest.fixture(scope="module")
def runner(coder: Coder) -> CliRunner:
    del coder  # the model is loaded once for the session
    return CliRunner()


def _objects(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_one_phrase(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actor", "Peruvian riot police"])
    assert result.exit_code == 0, result.output
    (record,) = _objects(result.stdout)
    assert list(record) == KEYS
    assert record["code"] == "PERCOP"
    assert record["country"] == "PER" and record["sector"] == "COP"
    assert record["text"] == "Peruvian riot police"


@pytest.mark.parametrize(("day", "code"), [("2017-01-01", "USAELI"), ("2017-01-21", "USAGOV")])
def test_the_date_decides_the_office(runner: CliRunner, day: str, code: str) -> None:
    result = runner.invoke(app, ["actor", "President Donald Trump", "--date", day])
    assert result.exit_code == 0, result.output
    (record,) = _objects(result.stdout)
    assert record["code"] == code
    assert record["name"] == "Donald Trump"
    assert str(record["wikidata"]).startswith("Q")


def test_context_settles_a_missing_country(runner: CliRunner) -> None:
    bare = _objects(runner.invoke(app, ["actor", "the foreign minister"]).stdout)[0]
    assert bare["code"] == "GOV" and bare["country"] == ""
    result = runner.invoke(
        app,
        ["actor", "the foreign minister", "--context", "Talks opened in Nairobi, Kenya, today."],
    )
    record = _objects(result.stdout)[0]
    assert record["code"] == "KENGOV"
    assert float(str(record["confidence"])) < float(str(bare["confidence"])) + 0.01


def test_context_naming_two_countries_settles_nothing(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["actor", "the foreign minister", "--context", "Kenya and Uganda held talks."]
    )
    assert _objects(result.stdout)[0]["code"] == "GOV"


def test_unknown_text_is_printed_unresolved(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actor", "Zorblat Quimby"])
    assert result.exit_code == 0, result.output
    (record,) = _objects(result.stdout)
    assert record["code"] == "" and record["country"] == "" and record["sector"] == ""
    assert record["confidence"] == 0.0


def test_bad_date_and_missing_phrase(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actor", "police", "--date", "yesterday-ish"])
    assert result.exit_code == 2
    assert "E002" in result.stderr
    assert runner.invoke(app, ["actor"]).exit_code == 2
    both = runner.invoke(app, ["actor", "police", "--jsonl", "x.jsonl"])
    assert both.exit_code == 2 and "either a phrase or --jsonl" in both.stderr


def test_jsonl_carries_ids_and_names_bad_lines(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "phrases.jsonl"
    lines = [
        {"id": "a", "text": "President Donald Trump", "date": "2017-01-01"},
        {"id": 2, "text": "three Nigerian soldiers"},
        "not json at all",
        {"id": "c", "text": ""},
        {"id": "d", "text": "police", "date": "someday"},
        {"id": "e", "text": "the interior ministry", "context": "Riots spread across Chile."},
        {"id": "f", "text": "Zorblat Quimby", "colour": "red"},
        {"text": "the Kremlin"},
        [1, 2],
    ]
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["actor", "--jsonl", str(path)])
    assert result.exit_code == 1
    records = _objects(result.stdout)
    assert [(r["id"], r["code"]) for r in records] == [
        ("a", "USAELI"),
        (2, "NGAMIL"),
        ("e", "CHLGOV"),
        (None, "RUSGOV"),
    ]
    assert list(records[0]) == ["id", *KEYS]
    for number, reason in [
        (3, "not JSON"),
        (4, "'text' must be a non-empty string"),
        (5, "not a date"),
        (7, "unknown keys ['colour']"),
        (9, "expected an object"),
    ]:
        assert f"{path}:{number}: " in result.stderr, number
        assert reason in result.stderr
    assert "5 bad lines" in result.stderr


def test_jsonl_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["actor", "--jsonl", "-"], input='{"id": 1, "text": "Turkish troops"}\n'
    )
    assert result.exit_code == 0, result.output
    assert _objects(result.stdout)[0]["code"] == "TURMIL"


def test_missing_jsonl_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["actor", "--jsonl", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


# -- user dictionaries --------------------------------------------------------------------
ORG_HEADER = "code\tname\taliases\tcountry\tsector\tfrom\tto\twikidata"


def _user_orgs(tmp_path: Path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(
        f"# my groups\n{ORG_HEADER}\nCOLREB\tRed Dawn Brigade\tRed Dawn\tCOL\tREB\t\t\t\n",
        encoding="utf-8",
    )
    return path


def test_actor_uses_user_dictionaries(runner: CliRunner, tmp_path: Path) -> None:
    path = _user_orgs(tmp_path)
    plain = _objects(runner.invoke(app, ["actor", "the Red Dawn Brigade"]).stdout)[0]
    assert plain["country"] == ""  # "brigade" alone says MIL, no country
    result = runner.invoke(app, ["actor", "the Red Dawn Brigade", "--actors", str(path)])
    assert _objects(result.stdout)[0]["code"] == "COLREB"


def test_the_lexicon_setting_adds_user_dictionaries(runner: CliRunner, tmp_path: Path) -> None:
    path = _user_orgs(tmp_path)
    config = tmp_path / "tacitus.toml"
    config.write_text(f'[lexicon]\nactors = ["{path}"]\n', encoding="utf-8")
    result = runner.invoke(app, ["actor", "Red Dawn fighters", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert _objects(result.stdout)[0]["code"] == "COLREB"
    story = tmp_path / "story.txt"
    story.write_text("The Red Dawn Brigade attacked a police station on Monday.\n")
    coded = runner.invoke(
        app, ["code", str(story), "--date", "2020-05-06", "--config", str(config)]
    )
    assert coded.exit_code == 0, coded.output
    events = _objects(coded.stdout)
    assert events and events[0]["actor"][0]["code"] == "COLREB"  # type: ignore[index]
    db = tmp_path / "news.duckdb"
    ingested = runner.invoke(
        app,
        ["ingest", str(story), "--db", str(db), "--date", "2020-05-06", "--config", str(config),
         "--workers", "1"],
    )  # fmt: skip
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-"])
    stored = _objects(exported.stdout)
    assert stored and stored[0]["actor"][0]["code"] == "COLREB"  # type: ignore[index]


def test_the_lexicon_setting_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "tacitus.toml"
    config.write_text('[lexicon]\nactors = "one.tsv"\n', encoding="utf-8")
    result = runner.invoke(app, ["actor", "police", "--config", str(config)])
    assert result.exit_code == 2
    assert "lexicon.actors must be a list of str" in result.stderr


PEOPLE_OK = '{"name": "Ana Example", "roles": [{"country": "CHL", "sector": "GOV"}]}'


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.tsv", "code\tname\n", "bad.tsv:1: header must be code<TAB>name<TAB>aliases"),
        ("bad.tsv", f"{ORG_HEADER}\nCOLREB\tRed Dawn\n", "bad.tsv:2: expected 8 tab-separated"),
        ("bad.tsv", f"{ORG_HEADER}\nCOLXXX\tX\t\tCOL\tXXX\t\t\t\n", "unknown sector 'XXX'"),
        ("bad.tsv", f"{ORG_HEADER}\nCOLREB\tX\t\tColombia\tREB\t\t\t\n", "must be ISO alpha-3"),
        ("bad.tsv", f"{ORG_HEADER}\nCOLREB\tX\t\tCOL\tREB\t2020\t\t\n", "is not YYYY-MM-DD"),
        ("bad.tsv", "# only a comment\n", "empty dictionary file"),
        ("bad.jsonl", f"{PEOPLE_OK}\n{{oops\n", "bad.jsonl:2: invalid JSON"),
        ("bad.jsonl", '{"name": "A", "title": "x"}\n', "bad.jsonl:1: unknown keys ['title']"),
        ("bad.jsonl", '{"name": "A", "roles": [{"country": "Chile"}]}\n', "3-letter 'country'"),
        ("bad.jsonl", '{"roles": []}\n', "bad.jsonl:1: a person needs a 'name'"),
        ("bad.roles.tsv", "term\tsector\nsheriff\tSHERIFF\n", "unknown sector 'SHERIFF'"),
        ("bad.txt", "anything\n", "actor files are .tsv (organisations) or .jsonl (people)"),
    ],
)
def test_bad_user_dictionaries_are_named_with_their_line(
    runner: CliRunner, tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="E010") as caught:
        load_actor_lexicon((str(path),))
    assert message in str(caught.value)
    for command in (["actor", "police"], ["code", "-"]):
        result = runner.invoke(app, [*command, "--actors", str(path)], input="")
        assert result.exit_code == 2, command
        # `tacitus code` prints errors through rich, which wraps long lines.
        assert message in " ".join(result.stderr.split())
        assert result.stdout == ""


def test_missing_user_dictionary(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", "-", "--actors", str(tmp_path / "nope.tsv")], input="")
    assert result.exit_code == 2
    assert "nope.tsv: cannot read" in " ".join(result.stderr.split())


# -- dict import-petrarch -----------------------------------------------------------------
SAMPLE_ACTORS = """\
# written for the tacitus tests; invented people
RUFUS_T_FIREFLY_
+PRESIDENT_FIREFLY_
\t[USAELI 19500101-20090119]
\t[USAGOV 20090120-20170120]
\t[USAELI >20170120]
RED_DAWN_BRIGADE_ [COLREB]
ZORG_EMPIRE_ [QQQGOV]
"""
SAMPLE_AGENTS = "SHERIFF [~COP]\nDEPUTY_SHERIFF {} [~COP]\n"


def test_import_petrarch_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    actors = tmp_path / "mine.actors"
    agents = tmp_path / "mine.agents"
    actors.write_text(SAMPLE_ACTORS, encoding="utf-8")
    agents.write_text(SAMPLE_AGENTS, encoding="utf-8")
    out = tmp_path / "converted"
    result = runner.invoke(
        app, ["dict", "import-petrarch", str(actors), str(agents), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    written = result.stdout.split()
    assert sorted(Path(p).name for p in written) == [
        "organisations.tsv",
        "people.jsonl",
        "roles.tsv",
    ]
    assert "QQQGOV names no country" in result.stderr
    flags = [x for p in written for x in ("--actors", p)]
    for day, code in [("2012-03-01", "USAGOV"), ("2018-03-01", "USAELI")]:
        found = runner.invoke(app, ["actor", "President Firefly", "--date", day, *flags])
        assert _objects(found.stdout)[0]["code"] == code
    sheriff = runner.invoke(app, ["actor", "a Mexican sheriff", *flags])
    assert _objects(sheriff.stdout)[0]["code"] == "MEXCOP"
    again = runner.invoke(app, ["dict", "import-petrarch", str(actors), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = runner.invoke(app, ["dict", "import-petrarch", str(actors), "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_import_petrarch_errors(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.actors"
    bad.write_text("SOMEONE_\n\t[USAGOV >20091350]\n", encoding="utf-8")
    result = runner.invoke(app, ["dict", "import-petrarch", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "bad.actors:2" in result.stderr and "not a date" in result.stderr
    verbs = tmp_path / "x.verbs"
    verbs.write_text("SAY [010]\n", encoding="utf-8")
    result = runner.invoke(app, ["dict", "import-petrarch", str(verbs), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and ".actors or .agents" in result.stderr
