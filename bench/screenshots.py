"""Screenshots of the web app's story page (and the story list) at desktop and phone width, so a
change to the page can be looked at. Starts its own server on 127.0.0.1 with a temporary store
seeded from the bundled sample (or shoots ``--url``), drives Debian's Chromium (never a
downloaded browser) and writes PNGs to the folder given. Don't commit the PNGs.

    .venv/bin/python bench/screenshots.py /tmp/shots [--url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def story_url(base: str) -> str:
    with urllib.request.urlopen(f"{base}/api/stories?per_page=1") as resp:  # loopback only
        first = json.load(resp)["stories"][0]
    return f"{base}/stories/{first['id']}"


def shoot(base: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    pages = {"story": story_url(base), "list": f"{base}/"}
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for size, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                for name, url in pages.items():
                    page.goto(url, wait_until="load")
                    path = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=str(path), full_page=name == "list")
                    written.append(path)
                page.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--url", help="an already running server (default: start one)")
    args = parser.parse_args()
    with ExitStack() as stack:
        base = args.url
        if not base:
            from newsprism.serve.background import BackgroundServer
            from newsprism.serve.sample import seed
            from newsprism.serve.state import ServeSettings, ServeState

            folder = stack.enter_context(tempfile.TemporaryDirectory())
            state = ServeState(ServeSettings(db=str(Path(folder) / "sample.db")))
            seed(state.store)
            base = stack.enter_context(BackgroundServer(state))
        for path in shoot(base.rstrip("/"), args.out):
            print(path)


if __name__ == "__main__":
    main()
