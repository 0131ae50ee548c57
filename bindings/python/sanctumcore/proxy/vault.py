"""The conversation vault: the sessions of answered requests, kept so that a conversation the provider
remembers (Responses API `previous_response_id` or `conversation`) goes on with the same numbering.

A request that starts a stored conversation (POST .../responses or .../conversations) keeps its session
under the provider's answer `id` (and the request's `conversation` id); a request naming a kept id takes
that session: its new values get the next numbers and its answer restores every earlier turn's too.
Keys hold the route and a digest of the client's credential headers, or of its peer address when it
sends none (HMAC under a key made per process, or shared by the workers: handoff.make, so the clear
credential is never stored), so one client's session never restores into another's answer.
Kept in this process's memory only, for `conversation_ttl` seconds after its last use and at most
`conversation_entries` keys and `conversation_bytes` (least recently used dropped first, from a client
holding more than a SHARE-th of either first: one client making ids in a loop pushes out its own); a
session is wiped (the core frees its values in wiped memory) once no key holds it and no request uses it.
"""
from __future__ import annotations

import asyncio
import collections
import hashlib
import hmac
import json
import os
import re
import time
import urllib.parse
from typing import Callable, Optional

# Headers that carry the client's credential: the client's identity for the vault.
CREDENTIAL_HEADERS = ("authorization", "x-api-key", "x-goog-api-key", "api-key")

# Paths (route form) whose POST answers are kept: their `id` can be named by a later request.
KEPT_ENDS = ("/responses", "/conversations")

# When the vault is full, a client holding more than 1/SHARE of its entries or bytes loses its own least
# recently used sessions first (below that, a client may fill what others leave free).
SHARE = 4

# Request members naming a conversation the provider keeps.
CONTINUATION_KEYS = ("previous_response_id", "conversation")


class Conversation:
    """A session kept across turns. One request uses it at a time (a core session is single-threaded):
    `acquire` waits for the request before it to end."""

    __slots__ = ("scrubber", "keys", "busy", "_idle", "size", "owner")

    def __init__(self, scrubber, busy: bool = False, size: int = 0):
        self.scrubber = scrubber
        self.keys = 0  # vault keys holding it
        self.size = size  # request bytes anonymized with it (its values are a few times less)
        self.busy = busy
        self.owner = None  # the client digest of the keys holding it (vault keys: route, client, kind, id)
        self._idle = None  # an asyncio.Event while requests wait

    async def acquire(self, timeout: Optional[float] = None) -> bool:
        """Waits for its turn, at most `timeout` seconds (asyncio.TimeoutError: a turn before it still
        runs); False when the session was wiped meanwhile (evicted)."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while self.busy:
            if self._idle is None:
                self._idle = asyncio.Event()
            left = None if deadline is None else deadline - loop.time()
            if left is not None and left <= 0:
                raise asyncio.TimeoutError()
            await asyncio.wait_for(self._idle.wait(), left)
        if self.scrubber.closed:
            return False
        self.busy = True
        return True

    def release(self) -> None:
        self.busy = False
        if self._idle is not None:
            self._idle.set()
            self._idle = None
        if self.keys == 0:
            self.scrubber.close()  # no key holds it: wiped


class Vault:
    def __init__(self, ttl: float, entries: int, clock: Callable[[], float] = time.monotonic,
                 max_bytes: Optional[int] = None):
        """max_bytes: the request bytes the kept sessions anonymized, at most (least recently used
        dropped first): entries alone let 10000 sessions of large requests take hundreds of GB."""
        self.ttl, self.entries, self._clock, self.max_bytes = ttl, entries, clock, max_bytes
        self.bytes = 0  # the size of the sessions keys hold
        self._kept = collections.OrderedDict()  # key -> [Conversation, expiry], least recently used first
        self._owned = {}  # client -> OrderedDict of its keys (least recently used first)
        self._owned_bytes = collections.Counter()  # client -> the size of the sessions its keys hold
        self._secret = os.urandom(32)
        self._loop = None  # once start()ed: a timer wipes each key at its expiry, requests or not
        self._timer = None

    def start(self, loop) -> None:
        """Wipes keys as they expire on `loop` (else only when a request comes: an idle worker kept
        personal data past conversation_ttl)."""
        self._loop = loop
        self._arm()

    def _arm(self) -> None:
        if self._loop is None or self._timer is not None or not self._kept:
            return
        first = next(iter(self._kept.values()))[1]
        self._timer = self._loop.call_later(max(0.0, first - self._clock()) + 0.01, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self._expire(self._clock())
        self._arm()

    def __len__(self) -> int:
        return len(self._kept)

    def share_secret(self, secret: bytes) -> None:
        """Digests under `secret` (the workers' own, handoff.make): a worker handing a request over
        passes its client digest, which the keeping worker's keys must match."""
        self._secret = secret

    def client(self, headers, query: str = "", peer: Optional[str] = None, peer_always: bool = False) -> bytes:
        """A digest of the request's credential headers (and a Gemini `key=` parameter); of `peer`, the
        TCP peer's address, when it carries none: in a house the route supplies the provider key and
        clients send none, and they were all one client (any device knowing a response id continued
        or read another's conversation, restored). peer_always: the peer counts beside the credential
        (a route that supplies its own key replaces the client's, which then proves nothing: SDKs send a
        dummy key, the same on every device)."""
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        credential = False
        for name in CREDENTIAL_HEADERS:
            for value in headers.getall(name, ()):
                credential = True
                mac.update(name.encode() + b"\0" + value.encode("utf-8", "surrogateescape") + b"\0")
        for part in query.split("&"):
            # Google decodes parameter names: `k%65y=` is a key too (counted here in any case: telling
            # two clients apart wrongly only refuses a continuation, taking them for one restores
            # one's values into the other's answer).
            if urllib.parse.unquote(part.split("=", 1)[0]).lower() == "key":
                credential = True
                mac.update(b"key\0" + part.encode("utf-8", "surrogateescape") + b"\0")
        if not credential or peer_always:
            mac.update(b"peer\0" + (peer or "").encode("utf-8", "surrogateescape") + b"\0")
        return mac.digest()[:16]

    def get(self, key) -> Optional[Conversation]:
        now = self._clock()
        self._expire(now)
        entry = self._kept.get(key)
        if entry is None:
            return None
        entry[1] = now + self.ttl
        self._kept.move_to_end(key)
        self._owned[_owner(key)].move_to_end(key)
        return entry[0]

    def holds(self, key) -> bool:
        """Whether `key` is kept (its lifetime not refreshed)."""
        entry = self._kept.get(key)
        return entry is not None and entry[1] > self._clock()

    def put(self, key, conv: Conversation) -> None:
        if self.entries <= 0:
            return
        now = self._clock()
        owner = _owner(key)
        old = self._kept.pop(key, None)
        if conv.keys == 0:
            conv.owner = owner
            self.bytes += conv.size
            self._owned_bytes[owner] += conv.size
        conv.keys += 1
        self._kept[key] = [conv, now + self.ttl]
        self._owned.setdefault(owner, collections.OrderedDict())[key] = None
        if old is not None:
            self._dropped(key, old[0], unlist=False)  # (the key stays listed: it holds `conv` now)
        self._expire(now)
        while len(self._kept) > self.entries or (self.max_bytes is not None and self.bytes > self.max_bytes
                                                  and self._kept):
            victim = self._victim(owner)
            self._dropped(victim, self._kept.pop(victim)[0])
        self._arm()

    def _over(self, client) -> bool:
        """Whether `client` holds more than its share of the entries or bytes."""
        return (len(self._owned.get(client, ())) > max(1, self.entries // SHARE) or
                (self.max_bytes is not None and self._owned_bytes[client] > self.max_bytes // SHARE))

    def _victim(self, owner):
        """The key dropped from a full vault: the least recently used of the client that just put one
        when it holds more than its share; else of the first client (least recently used first) that
        does; else the least recently used."""
        if self._over(owner):
            return next(iter(self._owned[owner]))
        for key in self._kept:
            if self._over(_owner(key)):
                return key
        return next(iter(self._kept))

    def _expire(self, now: float) -> None:
        # Every key has the same lifetime from its last use, which moves it to the end: the first keys
        # are the first to expire.
        kept = self._kept
        while kept:
            first = next(iter(kept.values()))
            if first[1] > now:
                break
            key = next(iter(kept))
            kept.popitem(last=False)
            self._dropped(key, first[0])

    def grow(self, conv: Conversation, size: int) -> None:
        """A request anonymized `size` more bytes with a kept session (its next put may drop others)."""
        conv.size += size
        if conv.keys:
            self.bytes += size
            self._owned_bytes[conv.owner] += size

    def _dropped(self, key, conv: Conversation, unlist: bool = True) -> None:
        """`key`, out of _kept, no longer holds `conv`."""
        if unlist:
            owner = _owner(key)
            mine = self._owned[owner]
            del mine[key]
            if not mine:
                del self._owned[owner]
        conv.keys -= 1
        if conv.keys == 0:
            self.bytes -= conv.size
            self._owned_bytes[conv.owner] -= conv.size
            if not self._owned_bytes[conv.owner]:
                del self._owned_bytes[conv.owner]
            if not conv.busy:
                conv.scrubber.close()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._loop = None
        while self._kept:
            key, (conv, _) = self._kept.popitem(last=False)
            self._dropped(key, conv)
            if conv.keys == 0:
                conv.scrubber.close()  # (busy or not)


def _owner(key):
    """The client digest in a vault key (route, client, kind, id); None for another key (tests)."""
    return key[1] if isinstance(key, tuple) and len(key) > 1 else None


# ---- ids in requests and answers ----------------------------------------------------------------------

_STRUCT = re.compile(rb'[{}\[\]"]')
_WS = re.compile(rb"[ \t\r\n]*")
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def members(doc: bytes, names, start: int = 0) -> dict:
    """{name: offset of its value} for the members of the object at doc[start] (a document the core has
    validated, or an upstream answer: nothing here raises on malformed JSON). Keys written with escapes
    count (a provider decodes them). Ends at the first of each name: the core refuses a request whose
    keys repeat, and an answer's `id` comes first."""
    found, depth, i = {}, 0, start
    search, string = _STRUCT.search, _STRING.match
    while len(found) < len(names):
        m = search(doc, i)
        if m is None:
            break
        j = m.start()
        c = doc[j]
        if c == 0x22:
            m = string(doc, j)
            if m is None:
                break  # (a string that does not end)
            i = m.end()
            if depth == 1 and i - j <= 64:
                k = _WS.match(doc, i).end()
                if doc[k:k + 1] != b":":
                    continue  # a value, not a key
                token = doc[j:i]
                try:
                    key = json.loads(token) if b"\\" in token else token[1:-1].decode()
                except ValueError:
                    continue
                if key in names:
                    found[key] = _WS.match(doc, k + 1).end()
            continue
        i = j + 1
        if c in (0x7B, 0x5B):
            depth += 1
        else:
            depth -= 1
            if depth <= 0:
                break
    return found


def string_at(doc: bytes, offset: int) -> Optional[str]:
    m = _STRING.match(doc, offset)
    if m is None:
        return None
    try:
        value = json.loads(m.group())
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def named_ids(body: bytes) -> list:
    """[(kind, id)] of the stored conversation a request body continues: `previous_response_id`, and
    `conversation` (its id, or an object's `id`)."""
    at = members(body, CONTINUATION_KEYS)
    out = []
    if "previous_response_id" in at:
        rid = string_at(body, at["previous_response_id"])
        if rid is not None:
            out.append(("response", rid))
    if "conversation" in at:
        o = at["conversation"]
        cid = string_at(body, o)
        if cid is None and body[o:o + 1] == b"{":
            inner = members(body, ("id",), o)
            cid = string_at(body, inner["id"]) if "id" in inner else None
        if cid is not None:
            out.append(("conversation", cid))
    return out


_PATH_KINDS = {"responses": "response", "conversations": "conversation"}


def path_ids(raw_path: str) -> tuple:
    """([(kind, id)], continues) a path names: `.../responses/{id}[/...]` (a stored response, its input
    items, its cancel: read, restored with the kept session when there is one) and
    `.../conversations/{id}[/items...]` (continues: items added there must take the kept session's
    numbering). Ids are taken as written (percent-decoded), not case-folded as route matching does.
    Whether `/responses/{x}` names a response or an endpoint (`input_tokens`) is not known here: such
    paths never need a kept session."""
    lower = raw_path.lower()
    if "responses" not in lower and "conversations" not in lower:
        return [], False  # (the common case, cheaply)
    segments = [urllib.parse.unquote(s) for s in raw_path.split("?", 1)[0].split("/")]
    for i, seg in enumerate(segments[:-1]):
        kind = _PATH_KINDS.get(seg.lower())
        if kind is not None and segments[i + 1]:
            return [(kind, segments[i + 1])], kind == "conversation"
    return [], False


def not_stored(body: bytes) -> bool:
    """Whether a Responses request says `"store": false`: the provider keeps no response a later
    request could name, so its session is not kept under the answer's id."""
    if b"store" not in body and b"\\u" not in body:
        return False
    at = members(body, ("store",))
    return "store" in at and body[at["store"]:at["store"] + 5] == b"false"


def answer_id(data: bytes) -> Optional[str]:
    """The top-level `id` of a whole JSON answer."""
    at = members(data, ("id",))
    return string_at(data, at["id"]) if "id" in at else None


class StreamId:
    """Finds the response id in the first events of a Responses stream (`response.created` carries the
    response object): looks at most at the first LIMIT bytes."""

    LIMIT = 256 * 1024
    _EVENT_END = re.compile(rb"\r?\n\r?\n")

    def __init__(self, found: Callable[[str], None]):
        self._found, self._buf, self._seen, self.done = found, b"", 0, False

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        self._buf += chunk
        while not self.done:
            m = self._EVENT_END.search(self._buf)
            if m is None:
                break
            event, self._buf = self._buf[:m.start()], self._buf[m.end():]
            self._event(event)
        self._seen += len(chunk)
        if self._seen > self.LIMIT:
            self.done, self._buf = True, b""

    def _event(self, event: bytes) -> None:
        data = b"\n".join(line[5:].lstrip(b" ") for line in event.split(b"\n") if line.startswith(b"data:"))
        if not data.strip().startswith(b"{"):
            return
        try:
            doc = json.loads(data)
        except ValueError:
            return
        resp = doc.get("response") if isinstance(doc, dict) else None
        rid = resp.get("id") if isinstance(resp, dict) else None
        if isinstance(rid, str) and rid:
            self.done, self._buf = True, b""
            self._found(rid)
