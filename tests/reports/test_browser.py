"""The report in headless Chromium (driven over the DevTools protocol): offline, charts drawn, quiet."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import connect

pytestmark = pytest.mark.slow


class Page:
    """A DevTools protocol session on one page target, collecting the events it is sent."""

    def __init__(self, ws_url: str) -> None:
        self.ws = connect(ws_url, max_size=64 * 2**20, open_timeout=30)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, timeout: float = 60
    ) -> dict[str, Any]:
        """Call a protocol method and wait for its result, keeping the events seen meanwhile."""
        self.next_id += 1
        call_id = self.next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 60) -> dict[str, Any]:
        """Wait for an event (or return it if it already came)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            self.events.append(message)
            if message.get("method") == method:
                return message
        raise TimeoutError(method)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        return result["result"].get("value")


@pytest.fixture(scope="module")
def browser(chromium: str):
    """Headless Chromium with a fresh profile and no network services; yields its DevTools port."""
    profile = Path(tempfile.mkdtemp(prefix="report-chromium-"))
    process = subprocess.Popen(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1",
            "--window-size=1200,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.skip("chromium did not start its DevTools endpoint")
            time.sleep(0.2)
        yield int(port_file.read_text().splitlines()[0])
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _open_page(port: int) -> Page:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
        targets = json.load(response)
    target = next(t for t in targets if t.get("type") == "page")
    return Page(target["webSocketDebuggerUrl"])


def test_report_renders_offline_with_charts_and_no_errors(
    browser: int, built_report, tmp_path_factory
) -> None:
    page = _open_page(browser)
    for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
        page.send(domain)
    # Offline: any network request would fail (and be seen below as a request).
    page.send(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.send("Page.navigate", {"url": built_report.html.as_uri()})
    page.wait_for("Page.loadEventFired", timeout=120)

    expected = page.evaluate("document.querySelectorAll('div.vega[data-spec]').length")
    assert expected == len(built_report.charts) == 10
    deadline = time.monotonic() + 60
    drawn = 0
    while time.monotonic() < deadline:
        drawn = page.evaluate(
            "document.querySelectorAll('figure.chart.live div.vega svg, figure.chart.live div.vega canvas').length"
        )
        if drawn >= expected:
            break
        time.sleep(0.5)
    assert drawn == expected, f"{drawn} of {expected} charts drawn"
    # Each drawn chart has marks, not an empty frame.
    assert page.evaluate(
        "Array.from(document.querySelectorAll('div.vega svg')).every(s => s.querySelectorAll('path, rect, line, text').length > 10)"
    )
    # The hostile posting strings show as text.
    text = page.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0

    shot = page.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    png = base64.b64decode(shot["data"])
    out = tmp_path_factory.mktemp("screenshots") / "report.png"
    out.write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000

    time.sleep(0.5)
    page.evaluate("1")  # flush events that arrived after drawing
    methods = [e.get("method") for e in page.events]
    assert "Page.javascriptDialogOpening" not in methods
    errors = [e["params"] for e in page.events if e.get("method") == "Runtime.exceptionThrown"]
    errors += [
        e["params"]
        for e in page.events
        if e.get("method") == "Runtime.consoleAPICalled"
        and e["params"]["type"] in ("error", "assert")
    ]
    errors += [
        e["params"]["entry"]
        for e in page.events
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    assert errors == []
    remote = [
        e["params"]["request"]["url"]
        for e in page.events
        if e.get("method") == "Network.requestWillBeSent"
        and not e["params"]["request"]["url"].startswith(("file:", "data:", "about:"))
    ]
    assert remote == []
    page.ws.close()
