"""Constants the serve tests share (conftest.py builds the servers from them)."""

TOKEN = "test-token-9f2c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
