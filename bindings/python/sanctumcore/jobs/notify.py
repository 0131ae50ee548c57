"""Notification sinks: ntfy, a generic JSON webhook, signal-cli-rest-api, a local command, stdout.

HTTP goes through the stdlib (urllib): one short request per sink per run does not need an event loop.
A sink that fails is logged and makes the run exit 2; the other sinks are still tried."""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

from .config import Sink
from .util import HTTP, REDACT, JobError, Message, log, run, write_stdout

PRIORITY_NAMES = {1: "min", 2: "low", 3: "default", 4: "high", 5: "urgent"}


def _post(url: str, body: bytes, headers: dict, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with HTTP.open(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as e:
        raise JobError(f"HTTP {e.code}") from None
    except (urllib.error.URLError, OSError) as e:
        raise JobError(f"unreachable ({getattr(e, 'reason', e)})") from None


def _ascii(s: str) -> str:
    return s.encode("ascii", "replace").decode()


def _token(sink: Sink) -> str:
    if not sink.token_file:
        return ""
    try:
        with open(sink.token_file, encoding="utf-8") as f:
            if os.fstat(f.fileno()).st_mode & 0o004:   # (group-readable is how a job user gets it)
                raise JobError("token_file: readable by every user: chmod o-r it (it sends alerts as you)")
            tok = f.readline().strip()
    except OSError as e:
        raise JobError(f"token_file: {e.strerror}") from None
    except UnicodeDecodeError:
        raise JobError("token_file: not UTF-8 text") from None
    REDACT.add(tok)
    return tok


def send_one(sink: Sink, msg: Message) -> None:
    title, body = REDACT(msg.title), REDACT(msg.body)
    if sink.type == "stdout":
        write_stdout(f"[{PRIORITY_NAMES[msg.priority]}] {title}\n{body}\n\n")
    elif sink.type == "ntfy":
        headers = {"Title": _ascii(title), "Priority": str(msg.priority), "Content-Type": "text/plain; charset=utf-8"}
        if msg.tags:
            headers["Tags"] = ",".join(msg.tags)
        tok = _token(sink)
        if tok:
            headers["Authorization"] = "Bearer " + tok
        _post(sink.url.rstrip("/") + "/" + sink.topic, body.encode(), headers, sink.timeout)
    elif sink.type == "webhook":
        payload = {"job": msg.job, "title": title, "message": body, "priority": msg.priority,
                   "priority_name": PRIORITY_NAMES[msg.priority], "tags": list(msg.tags),
                   "items": json.loads(REDACT(json.dumps(msg.items)))}
        headers = {"Content-Type": "application/json"}
        tok = _token(sink)
        if tok:
            headers["Authorization"] = "Bearer " + tok
        _post(sink.url, json.dumps(payload).encode(), headers, sink.timeout)
    elif sink.type == "signal":
        payload = {"message": f"{title}\n{body}", "number": sink.number, "recipients": list(sink.recipients)}
        _post(sink.url.rstrip("/") + "/v2/send", json.dumps(payload).encode(),
              {"Content-Type": "application/json"}, sink.timeout)
    elif sink.type == "command":
        r = run(sink.argv, stdin=f"{title}\n{body}\n".encode(), timeout=sink.timeout)
        if r.returncode != 0:
            raise JobError(f"exited with status {r.returncode}")
    else:  # config.py rejects other types
        raise JobError(f"unknown sink type {sink.type}")


def send(sinks, job: str, messages, dry_run: bool = False) -> bool:
    """Delivers every message to every sink that takes this job and priority. Returns False when a sink
    failed (already logged). Under --dry-run messages go to stdout only."""
    ok = True
    for msg in messages:
        if dry_run:
            try:
                write_stdout(f"(dry run) [{PRIORITY_NAMES[msg.priority]}] {REDACT(msg.title)}\n{REDACT(msg.body)}\n\n")
            except JobError as e:
                log(f"dry run: {e}")
                return False
            continue
        for sink in sinks:
            if job not in sink.jobs or msg.priority < sink.min_priority:
                continue
            try:
                send_one(sink, msg)
            except JobError as e:
                ok = False
                log(f"notify sink {sink.name} ({sink.type}) failed: {e}")
            except Exception as e:   # one sink's surprise never keeps the alert from the others; type only
                ok = False
                log(f"notify sink {sink.name} ({sink.type}) failed: unexpected {type(e).__name__}")
    if not sinks and messages and not dry_run:
        try:
            for msg in messages:
                write_stdout(f"[{PRIORITY_NAMES[msg.priority]}] {REDACT(msg.title)}\n{REDACT(msg.body)}\n\n")
        except JobError as e:
            log(f"no sink configured and {e}")
            ok = False
    return ok
