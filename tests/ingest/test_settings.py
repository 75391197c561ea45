"""The settings object: packaged defaults, a TOML file on top, unknown keys rejected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tacitus.errors import SettingsError
from tacitus.settings import (
    CONFIG_ENV,
    IngestSettings,
    Settings,
    describe,
    load_settings,
    settings_from_mapping,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


def test_defaults_are_sane_and_valid() -> None:
    limits = Settings().ingest
    assert limits.max_input_bytes == 16 * 1024 * 1024
    assert limits.max_line_chars <= 1_000_000  # spaCy's own max_length
    assert limits.max_html_depth < 256  # libxml2 drops what is deeper
    assert limits.languages == ("en",)
    assert load_settings(environ={}) == Settings()


def test_a_toml_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "tacitus.toml"
    path.write_text(
        '[ingest]\nmax_input_bytes = 2_048\nlanguages = ["en", "de"]\nfetch_timeout = 3\n'
    )
    settings = load_settings(path, environ={})
    assert settings.ingest.max_input_bytes == 2048
    assert settings.ingest.languages == ("en", "de")
    assert settings.ingest.fetch_timeout == 3.0 and isinstance(settings.ingest.fetch_timeout, float)
    assert settings.ingest.max_row_bytes == IngestSettings().max_row_bytes


def test_the_environment_names_the_file_and_an_explicit_path_wins(tmp_path: Path) -> None:
    env_file = tmp_path / "env.toml"
    env_file.write_text("[ingest]\nmax_html_depth = 50\n")
    cli_file = tmp_path / "cli.toml"
    cli_file.write_text("[ingest]\nmax_html_depth = 60\n")
    environ = {CONFIG_ENV: str(env_file)}
    assert load_settings(environ=environ).ingest.max_html_depth == 50
    assert load_settings(cli_file, environ=environ).ingest.max_html_depth == 60


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[ingest]\nmax_input_byte = 1\n",
            r"unknown setting ingest\.max_input_byte; .*max_input_bytes",
        ),
        ("[ingest]\nname = 'x'\n", r"unknown setting ingest\.name"),
        (
            "[injest]\nmax_input_bytes = 1\n",
            r"unknown section \[injest\]; known sections: \[ingest\]",
        ),
        ("ingest = 3\n", r"'ingest' must be a table"),
        ("[ingest]\nmax_input_bytes = '16 MB'\n", r"ingest\.max_input_bytes must be an integer"),
        ("[ingest]\nmax_input_bytes = true\n", r"must be an integer, got True"),
        ("[ingest]\nmax_input_bytes = 0\n", r"must be at least 1, got 0"),
        ("[ingest]\nmax_html_depth = 300\n", r"must be between 8 and 255"),
        ("[ingest]\nlanguage_min_confidence = 1.5\n", r"between 0\.0 and 1\.0"),
        ("[ingest]\nlanguages = 'en'\n", r"must be a list of str"),
        ("[ingest]\nlanguages = ['English']\n", r"'English' does not match"),
        ("[ingest\n", r"not a UTF-8 TOML file"),
    ],
)
def test_bad_files_are_refused_with_the_file_and_key_named(
    tmp_path: Path, toml: str, message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(SettingsError, match=message) as info:
        load_settings(path, environ={})
    assert info.value.code == "E004"
    if "TOML" not in message:
        assert str(path) in str(info.value)


def test_a_missing_file_is_an_error_not_silently_the_defaults(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read settings file"):
        load_settings(environ={CONFIG_ENV: str(tmp_path / "nope.toml")})


def test_sections_check_values_made_in_code_too() -> None:
    with pytest.raises(SettingsError, match="ingest.max_row_bytes"):
        IngestSettings(max_row_bytes=-5)
    assert settings_from_mapping({}) == Settings()


def test_settings_are_immutable_and_picklable() -> None:
    import pickle

    settings = Settings()
    with pytest.raises(AttributeError):
        settings.ingest.max_input_bytes = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_the_docs_list_every_setting_with_its_default() -> None:
    text = DOCS.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_.]+)` \| `([^`]*)` \|", text, flags=re.M))
    expected = {
        key: repr(list(value) if isinstance(value, tuple) else value).replace("'", '"')
        for key, value, _ in describe()
    }
    assert rows == expected
