"""A fake Responses API provider that keeps conversations as OpenAI does: each answer has an `id`
(`resp_N`); a request naming `previous_response_id` (or a `conversation`) is answered with the placeholders
of every earlier turn of that chain and of this one, in order of first appearance, so a test sees which
value the proxy gives back for each. Plugged into fake_upstream.FakeUpstream as its answer function."""
from __future__ import annotations

import json
import re

PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")


class ResponsesState:
    def __init__(self):
        self.turns = {}  # response id -> (previous id or None, placeholders this turn's input had)
        self.conversations = {}  # conversation id -> last response id
        self.n = 0
        self.stored = {}  # response id -> its JSON, for GET /responses/{id}

    def chain(self, rid):
        out = []
        while rid is not None:
            prev, seen = self.turns[rid]
            out = seen + out
            rid = prev
        return out

    def answer(self, method, path, body):
        if method == "GET" and "/responses/" in path:  # a stored response, fetched later
            stored = self.stored.get(path.rsplit("/", 1)[1])
            return ("json", 200, stored) if stored else ("json", 404, b'{"error": {"message": "not found"}}')
        doc = json.loads(body)
        if path.endswith("/items"):  # items added to a conversation: a turn of their own
            cid = path.split("/")[-2]
            if cid not in self.conversations:
                return ("json", 404, b'{"error": {"message": "not found"}}')
            self.n += 1
            rid = f"resp_{self.n:04d}"
            self.turns[rid] = (self.conversations[cid], PLACEHOLDER.findall(json.dumps(doc.get("items"))))
            self.conversations[cid] = rid
            return ("json", 200, json.dumps({"object": "list", "data": doc.get("items")}).encode())
        if path.endswith("/conversations"):  # a conversation made with its first items
            self.n += 1
            rid, cid = f"resp_{self.n:04d}", f"conv_{self.n:04d}"
            self.turns[rid] = (None, PLACEHOLDER.findall(json.dumps(doc.get("items"))))
            self.conversations[cid] = rid
            return ("json", 200, json.dumps({"id": cid, "object": "conversation", "metadata": {}}).encode())
        stream = bool(doc.get("stream"))
        conv = doc.get("conversation")
        conv = conv.get("id") if isinstance(conv, dict) else conv
        prev = doc.get("previous_response_id") or self.conversations.get(conv)
        if (prev is not None and prev not in self.turns) or (conv is not None and conv not in self.conversations):
            return ("json", 400, b'{"error": {"message": "Previous response or conversation not found."}}')
        seen = PLACEHOLDER.findall(json.dumps(doc.get("input")))
        self.n += 1
        rid = f"resp_{self.n:04d}"
        self.turns[rid] = (prev, seen)
        if conv is not None:
            self.conversations[conv] = rid
        said = []
        for p in self.chain(prev) + seen:
            if p not in said:
                said.append(p)
        text = "I remember " + ", ".join(said) + "."
        response = {"id": rid, "object": "response", "status": "completed", "model": doc.get("model"),
                    "output": [{"type": "message", "id": f"msg_{self.n}", "role": "assistant", "content": [
                        {"type": "output_text", "text": text, "annotations": []}]}]}
        self.stored[rid] = json.dumps(response).encode()
        if not stream:
            return ("json", 200, self.stored[rid])
        created = {**response, "status": "in_progress", "output": []}
        events = [{"type": "response.created", "sequence_number": 0, "response": created}]
        for i in range(0, len(text), 7):  # placeholders cut across deltas
            events.append({"type": "response.output_text.delta", "item_id": f"msg_{self.n}", "output_index": 0,
                           "content_index": 0, "delta": text[i:i + 7]})
        events.append({"type": "response.completed", "response": response})
        return ("sse", 200, [f"event: {e['type']}\ndata: {json.dumps(e)}\n\n".encode() for e in events])
