"""Run the server in a thread of this process, on 127.0.0.1 and a free port: for the tests, the
screenshot command and anything else that needs a real server briefly."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn

from newsprism.serve.app import create_app
from newsprism.serve.state import ServeState


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class BackgroundServer:
    """``with BackgroundServer(state) as url:`` serves ``state`` until the block ends."""

    def __init__(self, state: ServeState, port: int | None = None) -> None:
        self.port = port or free_port()
        config = uvicorn.Config(
            create_app(state=state), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="np-serve", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        return self.url

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
