"""`newsprism serve`: an HTTP API and a server-rendered web app over the store.

Needs the `serve` extra (FastAPI, uvicorn, python-multipart); nothing here is imported by the
CLI until the `serve` command runs, so `newsprism --help` stays fast.
"""
