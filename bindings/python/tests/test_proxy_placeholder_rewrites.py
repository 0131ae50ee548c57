"""A provider that rewrites the placeholders it was sent, on a scrub route: lower-cased, with spaces
inside, split across SSE events at every byte, JSON-escaped inside tool arguments (Go's encoding/json
writes < and > as \\u003c and \\u003e), or invented (never issued, or issued to another request). The
client gets back exactly the values its own request issued, or the text as the provider wrote it; the
stream stays well-formed."""
import concurrent.futures
import json
import unittest

from test_proxy_pass import ProxyFixture

USER = "I am Jane Doe, mail jane.doe@example.com"
CHAT = json.dumps({"model": "m", "stream": True, "messages": [{"role": "user", "content": USER}]}).encode()
MESSAGES = json.dumps({"model": "m", "max_tokens": 9, "stream": True,
                       "messages": [{"role": "user", "content": USER}]}).encode()
DONE = b"data: [DONE]\n\n"


def chat_event(content=None, args=None) -> bytes:
    delta = {}
    if content is not None:
        delta["content"] = content
    if args is not None:
        delta["tool_calls"] = [{"index": 0, "function": {"arguments": args}}]
    return b"data: " + json.dumps({"choices": [{"index": 0, "delta": delta}]}).encode() + b"\n\n"


def chat_parts(data: bytes):
    """(text, tool arguments) of a chat stream; every data line must be JSON."""
    text, args = "", ""
    for line in data.decode().replace("\r\n", "\n").split("\n"):
        if line.startswith("data: {"):
            delta = json.loads(line[6:])["choices"][0]["delta"]
            text += delta.get("content") or ""
            for call in delta.get("tool_calls") or []:
                args += call["function"]["arguments"]
    return text, args


def anthropic_events(partial_json_pieces) -> list:
    def ev(doc):
        return f"event: {doc['type']}\ndata: {json.dumps(doc)}\n\n".encode()
    out = [ev({"type": "message_start", "message": {"id": "m", "type": "message", "role": "assistant", "content": [],
                                                    "model": "m"}}),
           ev({"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "t", "name": "f",
                                                                            "input": {}}})]
    out += [ev({"type": "content_block_delta", "index": 0, "delta": {"type": "input_json_delta", "partial_json": p}})
            for p in partial_json_pieces]
    return out + [ev({"type": "content_block_stop", "index": 0}), ev({"type": "message_stop"})]


def bytewise(pieces) -> list:
    raw = b"".join(pieces)
    return [raw[i:i + 1] for i in range(len(raw))]


class RewrittenPlaceholdersTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def setUp(self):
        super().setUp()
        self.up.sse_gap = 0

    def stream(self, pieces, body=CHAT):
        self.up.answer = ("sse", 200, pieces)
        resp, data = self.post("/v1/chat/completions" if body is CHAT else "/v1/messages", body)
        self.assertEqual(resp.status, 200)
        self.assertNotIn(b"Jane", self.up.requests[-1].body)
        return data

    def test_split_at_every_byte_of_events_and_characters(self):
        s = "Hello <PERSON_1> at <EMAIL_ADDRESS_1>."
        want = "Hello Jane Doe at jane.doe@example.com."
        for name, pieces in (("one event, each byte a chunk", bytewise([chat_event(s), DONE])),
                             ("one character an event", [chat_event(c) for c in s] + [DONE]),
                             ("both", bytewise([chat_event(c) for c in s] + [DONE])),
                             ("CRLF events, each byte a chunk", bytewise([chat_event(s).replace(b"\n", b"\r\n"), DONE]))):
            with self.subTest(name):
                data = self.stream(pieces)
                self.assertEqual(chat_parts(data)[0], want)

    def test_lower_case_placeholders_give_the_issued_values(self):
        data = self.stream([chat_event("Hi <person_1>, <Email_Address_1>."), DONE])
        self.assertEqual(chat_parts(data)[0], "Hi Jane Doe, jane.doe@example.com.")

    def test_spaces_inside_leave_the_text_or_restore_the_issued_value(self):
        data = self.stream([chat_event("A < PERSON_1 > B <PERSON 1> C <PERSON_ 1> D"), DONE])
        text = chat_parts(data)[0]
        self.assertIn(text, ("A < Jane Doe > B <PERSON 1> C <PERSON_ 1> D",
                             "A < PERSON_1 > B <PERSON 1> C <PERSON_ 1> D"))

    def test_invented_placeholders_are_left_as_written(self):
        s = "Hi <PERSON_7>, <EMAIL_ADDRESS_2>, <PHONE_NUMBER_1>, <PERSON_0>, <PERSON_01>."
        data = self.stream(bytewise([chat_event(s), DONE]))
        text = chat_parts(data)[0]
        self.assertNotIn("Jane", text)
        self.assertNotIn("jane.doe", text)
        self.assertIn("<PERSON_7>", text)
        self.assertIn("<EMAIL_ADDRESS_2>", text)

    def test_another_requests_placeholders_give_only_this_requests_values(self):
        """Two clients at once; the provider answers each with both numbers: each client gets its own
        first value, and the number only the other request issued stays a placeholder."""
        bodies = {name: json.dumps({"model": "m", "messages": [{"role": "user", "content": f"I am {name}, {mail}"}]}).encode()
                  for name, mail in (("Jane Doe", "jane@example.com"), ("John Roe", "john.roe@example.org"))}
        self.up.answer = ("json", 200, json.dumps({"choices": [{"index": 0, "message": {
            "role": "assistant", "content": "<PERSON_1> <EMAIL_ADDRESS_1> <PERSON_2>"}}]}).encode())
        self.up.delay = 0.05
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            got = dict(zip(bodies, pool.map(lambda b: self.post("/v1/chat/completions", b)[1], bodies.values())))
        self.assertEqual(json.loads(got["Jane Doe"])["choices"][0]["message"]["content"], "Jane Doe jane@example.com <PERSON_2>")
        self.assertEqual(json.loads(got["John Roe"])["choices"][0]["message"]["content"], "John Roe john.roe@example.org <PERSON_2>")

    def test_tool_arguments_split_at_every_character(self):
        a = json.dumps({"name": "<PERSON_1>", "email": "<EMAIL_ADDRESS_1>"})
        data = self.stream(bytewise([chat_event(args=c) for c in a] + [DONE]))
        self.assertEqual(json.loads(chat_parts(data)[1]), {"name": "Jane Doe", "email": "jane.doe@example.com"})

    def test_restored_arguments_stay_json_when_the_value_has_a_quote(self):
        body = json.dumps({"model": "m", "stream": True, "messages": [
            {"role": "user", "content": 'Mail jane.doe@example.com, signed "JD" Jane Doe'}]}).encode()
        a = json.dumps({"email": "<EMAIL_ADDRESS_1>", "sig": "<PERSON_1>"})
        self.up.answer = ("sse", 200, [chat_event(args=c) for c in a] + [DONE])
        resp, data = self.post("/v1/chat/completions", body)
        args = json.loads(chat_parts(data)[1])  # the assembled arguments parse
        self.assertEqual(args["email"], "jane.doe@example.com")

    def test_whole_answer_tool_arguments_json_escaped(self):
        esc = '{"name": "\\u003cPERSON_1\\u003e", "email": "\\u003cEMAIL_ADDRESS_1\\u003e"}'
        self.up.answer = ("json", 200, json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": esc}}]}}]}).encode())
        resp, data = self.post("/v1/chat/completions", CHAT.replace(b'"stream": true, ', b""))
        args = json.loads(json.loads(data)["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])
        self.assertEqual(args, {"name": "Jane Doe", "email": "jane.doe@example.com"})

    def test_streamed_tool_arguments_json_escaped(self):
        """Go's encoding/json (Ollama, Go gateways) streams < and > in arguments as \\u003c and \\u003e:
        such placeholders came back unrestored, though the same arguments in a whole answer were."""
        esc = '{"name": "\\u003cPERSON_1\\u003e", "email": "\\u003CEMAIL_ADDRESS_1\\u003E"}'
        for size in (1, 3, len(esc)):
            with self.subTest(size=size):
                data = self.stream(bytewise([chat_event(args=esc[i:i + size]) for i in range(0, len(esc), size)] + [DONE]))
                self.assertEqual(json.loads(chat_parts(data)[1]), {"name": "Jane Doe", "email": "jane.doe@example.com"})
                data = self.stream(anthropic_events([esc[i:i + size] for i in range(0, len(esc), size)]), MESSAGES)
                got = "".join(json.loads(line[6:])["delta"]["partial_json"] for line in data.decode().split("\n")
                              if line.startswith("data: ") and '"input_json_delta"' in line)
                self.assertEqual(json.loads(got), {"name": "Jane Doe", "email": "jane.doe@example.com"})

    def test_anthropic_citations_delta_is_restored(self):
        """A streamed citation quotes the (scrubbed) document: its cited_text comes back restored. (Its
        start/end_char_index still count in the document the provider saw, placeholders and all.)"""
        def ev(doc):
            return f"event: {doc['type']}\ndata: {json.dumps(doc)}\n\n".encode()
        pieces = [ev({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": "", "citations": []}}),
                  ev({"type": "content_block_delta", "index": 0, "delta": {"type": "citations_delta", "citation": {
                      "type": "char_location", "cited_text": "I am <PERSON_1>, mail <EMAIL_ADDRESS_1>", "document_index": 0,
                      "start_char_index": 0, "end_char_index": 38}}}),
                  ev({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "It is <PERS"}}),
                  ev({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ON_1>."}}),
                  ev({"type": "content_block_stop", "index": 0}), ev({"type": "message_stop"})]
        data = self.stream(bytewise(pieces), MESSAGES)
        docs = [json.loads(line[6:]) for line in data.decode().split("\n") if line.startswith("data: ")]
        cited = [d["delta"]["citation"]["cited_text"] for d in docs if d.get("delta", {}).get("type") == "citations_delta"]
        self.assertEqual(cited, [USER])
        text = "".join(d["delta"]["text"] for d in docs if d.get("delta", {}).get("type") == "text_delta")
        self.assertEqual(text, "It is Jane Doe.")

    def test_anthropic_partial_json_split_at_every_byte(self):
        pj = json.dumps({"name": "<PERSON_1>", "email": "<EMAIL_ADDRESS_1>"})
        data = self.stream(bytewise(anthropic_events([pj[i:i + 1] for i in range(len(pj))])), MESSAGES)
        got = "".join(json.loads(line[6:])["delta"]["partial_json"] for line in data.decode().split("\n")
                      if line.startswith("data: ") and '"input_json_delta"' in line)
        self.assertEqual(json.loads(got), {"name": "Jane Doe", "email": "jane.doe@example.com"})


if __name__ == "__main__":
    unittest.main()
