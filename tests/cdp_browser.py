"""A headless Chromium driven over the DevTools protocol (websockets), for opening report files offline.

Chromium starts with a fresh profile, every background service off, and a proxy and host resolver that
lead nowhere, so nothing can leave the machine even if the page tried; every request the page makes is
still recorded (Network.requestWillBeSent), which is how a test proves the file asks for nothing.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
    "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-port=0", "--remote-allow-origins=*",
]
_DEVTOOLS_LINE = re.compile(r"DevTools listening on (ws://\S+)")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageLog:
    """What happened while a page was open."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


class Browser:
    """One Chromium process and one page (a flattened target session)."""

    def __init__(self, executable: str, timeout_s: float = 20.0) -> None:
        self._profile = tempfile.mkdtemp(prefix="mmtrack-chromium-")
        self._process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self._timeout_s = timeout_s
        self._ids = itertools.count(1)
        self._socket = connect(self._devtools_url(), max_size=64 * 2**20, open_timeout=timeout_s)
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=None)["targetId"]
        self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                  session=None)["sessionId"]
        self.log = PageLog()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def _devtools_url(self) -> str:
        deadline = time.monotonic() + self._timeout_s
        assert self._process.stderr is not None
        while time.monotonic() < deadline:
            line = self._process.stderr.readline()
            if not line and self._process.poll() is not None:
                break
            match = _DEVTOOLS_LINE.search(line)
            if match:
                return match.group(1)
        raise RuntimeError("chromium did not print its DevTools address")

    def _record(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.log.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.log.console_errors.append(details.get("exception", {}).get("description") or details["text"])
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.log.console_errors.append(" ".join(str(a.get("value", a.get("description")))
                                                    for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.log.console_errors.append(params["entry"]["text"])

    def _receive(self, until: Any) -> dict[str, Any]:
        deadline = time.monotonic() + self._timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no answer from chromium")
            message = json.loads(self._socket.recv(timeout=remaining))
            self._record(message)
            if until(message):
                return message

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: Any = ...) -> dict[str, Any]:
        message_id = next(self._ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        session_id = self._session if session is ... else session
        if session_id:
            message["sessionId"] = session_id
        self._socket.send(json.dumps(message))
        answer = self._receive(lambda m: m.get("id") == message_id)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def open(self, path: Path, width: int = 1280, height: int = 900) -> None:
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self._receive(lambda m: m.get("method") == "Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout_s: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"page never satisfied: {expression}")

    def screenshot(self, out: Path, height: int | None = None) -> Path:
        """A PNG of the whole page (or of its top `height` pixels), not only the viewport."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": True}
        if height:
            width = self.evaluate("document.documentElement.scrollWidth")
            params["clip"] = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        shot = self.send("Page.captureScreenshot", params)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(shot["data"]))
        return out

    def close(self) -> None:
        try:
            self._socket.close()
        finally:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
