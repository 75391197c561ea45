"""`tacitus serve`: a clear error without the web extra or a store; a real server otherwise."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.cli import serve as serve_cmd


def test_serve_without_the_web_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, web_db: Path
) -> None:
    monkeypatch.setattr(serve_cmd, "_missing", lambda: ["fastapi", "uvicorn"])
    result = CliRunner().invoke(app, ["serve", "--db", str(web_db)])
    assert result.exit_code == 2
    assert "pip install 'tacitus[web]'" in result.output
    assert "fastapi, uvicorn not installed" in result.output


def test_serve_without_a_store_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output


def test_serve_runs_a_read_only_server_on_loopback(web_db: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-c", "from tacitus.cli import main; main()", "serve",
               "--db", str(web_db), "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["total"] == 9
    finally:
        process.terminate()
        output = process.communicate(timeout=15)[0].decode()
    assert f"at http://127.0.0.1:{port}/" in output and "(read-only)" in output
