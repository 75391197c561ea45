"""Tests of the CAMEO/PLOVER table and its loader (tacitus.ontology)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tacitus.errors import LexiconError, UnknownCodeError
from tacitus.ontology import (
    NO_EVENT,
    PLOVER_CONTEXTS,
    PLOVER_EVENTS,
    PLOVER_MODES,
    TABLE_PATH,
    TABLE_VERSION,
    CodeInfo,
    all_codes,
    is_coded,
    is_statement,
    lookup,
    normalise,
    quad_of,
    read_table,
    root_of,
)

ROOTS = [f"{n:02d}" for n in range(1, 21)]
NOS_CODES = [f"{n:02d}0" for n in range(1, 21)]
HEADER = "code\tlabel\tgoldstein\tevent\tmode\tcontext\n"


# --- the packaged table ---------------------------------------------------------------


def test_every_root_is_present() -> None:
    roots = [info.code for info in all_codes() if len(info.code) == 2]
    assert roots == ROOTS


def test_table_size() -> None:
    by_length = {n: sum(1 for i in all_codes() if len(i.code) == n) for n in (2, 3, 4)}
    assert by_length == {2: 20, 3: 147, 4: 145}


def test_codes_are_unique_and_children_have_parents() -> None:
    codes = [info.code for info in all_codes()]
    assert len(codes) == len(set(codes))
    known = set(codes)
    for code in codes:
        if len(code) == 3:
            assert code[:2] in known
        if len(code) == 4:
            assert code[:3] in known


def test_version_line_matches_constant() -> None:
    assert read_table(TABLE_PATH).version == TABLE_VERSION


def test_lookup_is_loaded_once() -> None:
    assert lookup("174") is lookup("174")


def test_code_info_is_frozen() -> None:
    info = lookup("174")
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.event = "COERCE"  # type: ignore[misc]


def test_labels_are_short() -> None:
    for info in all_codes():
        assert 0 < len(info.label) <= 40, info.code
        assert len(info.label.split()) <= 6, info.code


def test_plover_fields_follow_the_schema() -> None:
    for info in all_codes():
        if info.event == NO_EVENT:
            assert info.mode == "" and info.context == (), info.code
            continue
        assert info.event in PLOVER_EVENTS, info.code
        assert info.mode == "" or info.mode in PLOVER_MODES[info.event], info.code
        assert set(info.context) <= PLOVER_CONTEXTS, info.code


def test_root_and_its_nos_code_share_plover_fields() -> None:
    for root, nos in zip(ROOTS, NOS_CODES, strict=True):
        a, b = lookup(root), lookup(nos)
        assert (a.event, a.mode, a.context) == (b.event, b.mode, b.context), root


def test_only_uncoded_codes_lack_a_plover_event() -> None:
    for info in all_codes():
        assert is_coded(info.code) == (info.event != NO_EVENT), info.code


# --- quad and root ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("01", 1), ("05", 1), ("057", 1), ("0211", 1),
        ("06", 2), ("08", 2), ("0874", 2),
        ("09", 3), ("13", 3), ("1385", 3), ("116", 3),
        ("14", 4), ("163", 4), ("174", 4), ("20", 4), ("2042", 4),
    ],
)  # fmt: skip
def test_quad_boundaries(code: str, quad: int) -> None:
    assert quad_of(code) == quad


def test_quad_is_derived_from_root() -> None:
    for info in all_codes():
        assert info.quad == lookup(info.root).quad


@pytest.mark.parametrize(
    ("code", "root"), [("01", "01"), ("016", "01"), ("0211", "02"), ("174", "17"), ("2042", "20")]
)
def test_root_of(code: str, root: str) -> None:
    assert root_of(code) == root


# --- PLOVER mapping choices (docs/ontology.md) ------------------------------------------


@pytest.mark.parametrize(
    ("code", "event", "mode", "context"),
    [
        ("163", "SANCTION", "discontinue", ("diplomatic", "economic")),
        ("174", "SANCTION", "expel", ("diplomatic",)),
        ("161", "SANCTION", "withdraw", ("diplomatic",)),
        ("1661", "SANCTION", "expel", ("peacekeeping",)),
        ("116", "SANCTION", "convict", ("legal",)),
        ("112", "ACCUSE", "allege", ()),
        ("114", "ACCUSE", "disapprove", ("diplomatic",)),
        ("055", "CONCEDE", "", ("diplomatic",)),
        ("0813", "CONCEDE", "", ("legal",)),
        ("105", "REQUEST", "yield", ("legal",)),
        ("124", "REJECT", "yield", ()),
        ("1712", "ASSAULT", "destroy", ("human_security",)),
        ("186", "ASSAULT", "targeted", ()),
        ("195", "ASSAULT", "aerial", ("military",)),
        ("015", "AGREE", "", ()),
        ("016", "REJECT", "", ()),
        ("0231", "REQUEST", "assist", ("economic",)),
        ("042", "CONSULT", "visit", ()),
        ("0871", "RETREAT", "ceasefire", ("military",)),
        ("091", "ACCUSE", "investigate", ("crime", "corruption")),
    ],
)
def test_plover_mapping(code: str, event: str, mode: str, context: tuple[str, ...]) -> None:
    info = lookup(code)
    assert (info.event, info.mode, info.context) == (event, mode, context)


def test_appeals_map_like_the_matching_demands() -> None:
    appeals = [info for info in all_codes() if info.root == "02" and info.code != "02"]
    assert len(appeals) == 27
    for appeal in appeals:
        demand = lookup("10" + appeal.code[2:])
        assert (appeal.event, appeal.mode, appeal.context) == (
            demand.event,
            demand.mode,
            demand.context,
        ), appeal.code


@pytest.mark.parametrize("code", ["01", "010", "011", "012", "013", "014", "017", "018", "019"])
def test_plain_statements_have_no_plover_event(code: str) -> None:
    assert lookup(code).event == NO_EVENT


# --- Goldstein ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("174", -5.0),
        ("163", -8.0),
        ("161", -4.0),
        ("016", -2.0),  # GDELT's table; the CAMEO codebook says -5
        ("13", -6.0),
        ("130", -4.4),  # a NOS code keeps its own value
        ("164", -7.0),
        ("165", -6.5),
        ("1213", -4.0),  # absent from GDELT's table: the value of its siblings
        ("0874", 10.0),
        ("057", 8.0),
        ("1823", -10.0),
        ("018", 3.4),
        ("024", -0.3),
        ("112", -2.0),
        ("010", 0.0),
    ],
)
def test_goldstein(code: str, goldstein: float) -> None:
    assert lookup(code).goldstein == goldstein


def test_goldstein_in_range() -> None:
    assert all(-10.0 <= info.goldstein <= 10.0 for info in all_codes())


# --- normalise, lookup errors -----------------------------------------------------------


@pytest.mark.parametrize(("nos", "root"), zip(NOS_CODES, ROOTS, strict=True))
def test_normalise_nos_codes_to_root(nos: str, root: str) -> None:
    assert normalise(nos) == root


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("174", "174"),
        ("17", "17"),
        ("0211", "0211"),
        (" 174\n", "174"),
        ("\t130 ", "13"),
        ("1011", "1011"),
        ("015", "015"),
    ],
)
def test_normalise_keeps_other_codes(code: str, expected: str) -> None:
    assert normalise(code) == expected


@pytest.mark.parametrize(
    "code", ["", "  ", "00", "21", "999", "1745", "0215", "1214", "abc", "17a"]
)
def test_unknown_code_raises(code: str) -> None:
    for function in (lookup, normalise, quad_of, root_of, is_statement, is_coded):
        with pytest.raises(UnknownCodeError) as err:
            function(code)
        assert err.value.code == "E011"


def test_lookup_strips_whitespace() -> None:
    assert lookup(" 0211 ").code == "0211"


# --- is_statement, is_coded ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("01", True), ("016", True), ("0211", True), ("036", True), ("042", True),
        ("057", True), ("112", True), ("10", True), ("1246", True), ("139", True),
        ("06", False), ("07", False), ("0841", False), ("09", False), ("14", False),
        ("163", False), ("174", False), ("20", False),
    ],
)  # fmt: skip
def test_is_statement(code: str, expected: bool) -> None:
    assert is_statement(code) is expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("01", False), ("010", False), ("011", False), ("012", False), ("013", False),
        ("014", False), ("017", False), ("018", False), ("019", False),
        ("015", True), ("016", True), ("02", True), ("020", True), ("112", True),
        ("174", True),
    ],
)  # fmt: skip
def test_is_coded(code: str, expected: bool) -> None:
    assert is_coded(code) is expected


# --- read_table on hand-written files --------------------------------------------------


def _write(tmp_path: Path, body: str, *, header: str = HEADER) -> Path:
    path = tmp_path / "table.tsv"
    path.write_text("# version: test-1\n" + header + body, encoding="utf-8")
    return path


GOOD_ROWS = (
    "16\tdowngrade\t-4.0\tSANCTION\t\t\n"
    "163\tsanctions\t-8\tSANCTION\tdiscontinue\teconomic|diplomatic\n"
    "01\tstatement\t0\tNONE\t\t\n"
    "010\tstatement, other\t0.0\tNONE\t\t\n"
)


def test_read_table_parses_a_good_file(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, GOOD_ROWS + "\n"))
    assert table.version == "test-1"
    assert [info.code for info in table.codes] == ["16", "163", "01", "010"]
    assert table.codes[1] == CodeInfo(
        code="163", label="sanctions", root="16", quad=4, goldstein=-8.0,
        event="SANCTION", mode="discontinue", context=("economic", "diplomatic"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("row", "line", "fragment"),
    [
        ("164\tbreak off\t-7.0\tSANCTION\twithdraw\n", 7, "6 tab-separated fields"),
        ("1645\tx\t-7.0\tSANCTION\t\t\n", 7, "parent 164"),
        ("21\tx\t0\tSANCTION\t\t\n", 7, "not a CAMEO code"),
        ("16a\tx\t0\tSANCTION\t\t\n", 7, "not a CAMEO code"),
        ("164\t\t-7.0\tSANCTION\t\t\n", 7, "empty label"),
        ("164\tx\tminus seven\tSANCTION\t\t\n", 7, "not a number"),
        ("164\tx\t-11\tSANCTION\t\t\n", 7, "outside [-10, 10]"),
        ("164\tx\tnan\tSANCTION\t\t\n", 7, "outside [-10, 10]"),
        ("164\tx\t-7.0\tSANCTIONS\t\t\n", 7, "not a PLOVER event type"),
        ("164\tx\t-7.0\tSANCTION\tdeport\t\n", 7, "not a mode of SANCTION"),
        ("164\tx\t-7.0\tSANCTION\twithdraw\tdiplomacy\n", 7, "not a PLOVER context"),
        ("011\tx\t-0.1\tNONE\t\tdiplomatic\n", 7, "leave both empty"),
        ("163\tagain\t-8.0\tSANCTION\t\t\n", 7, "appears twice"),
    ],
)
def test_malformed_row_raises(tmp_path: Path, row: str, line: int, fragment: str) -> None:
    path = _write(tmp_path, GOOD_ROWS + row)
    with pytest.raises(LexiconError) as err:
        read_table(path)
    message = str(err.value)
    assert err.value.code == "E010"
    assert f"{path}, line {line}" in message
    assert fragment in message


def test_bad_header_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ROWS, header="code\tname\tgoldstein\tevent\tmode\tcontext\n")
    with pytest.raises(LexiconError, match="line 2: expected the tab-separated header"):
        read_table(path)


def test_file_without_header_raises(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no header line"):
        read_table(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        read_table(tmp_path / "absent.tsv")
