"""Conversations the provider keeps (Responses API previous_response_id and conversation): a later
turn continues the earlier turn's session, so the provider's earlier placeholders come back as the
values they stood for, new values get numbers of their own, and an id the proxy did not keep for this
client is refused (never restored with another session's values). Chat Completions and Messages resend
the whole history: fresh sessions number it the same way every turn."""
import http.client
import json
import unittest

from fake_upstream import FakeUpstream
from responses_fake import PLACEHOLDER, ResponsesState
from sanctumcore.proxy import ConfigError, ProxyThread, from_dict, handoff, vault
from test_proxy_pass import ProxyFixture

JANE = "My name is Jane Doe."
OMAR = "My colleague is Omar Haddad."
ANA = "Her manager is Ana Lima."


def parse(data: bytes, stream: bool):
    """(response id, the answer's text, the final response's text) of a Responses answer."""
    if not stream:
        doc = json.loads(data)
        text = doc["output"][0]["content"][0]["text"]
        return doc["id"], text, text
    rid, deltas, final = None, [], None
    for event in data.split(b"\n\n"):
        for line in event.split(b"\n"):
            if line.startswith(b"data: "):
                e = json.loads(line[6:])
                if e["type"] == "response.created":
                    rid = e["response"]["id"]
                elif e["type"] == "response.output_text.delta":
                    deltas.append(e["delta"])
                elif e["type"] == "response.completed":
                    final = e["response"]["output"][0]["content"][0]["text"]
    return rid, "".join(deltas), final


class ResponsesContinuationTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def setUp(self):
        super().setUp()
        self.state = ResponsesState()
        self.up.answer = self.state.answer

    def turn(self, text, prev=None, stream=False, key="sk-client-a", conversation=None, raw=None):
        doc = {"model": "gpt-4o", "input": text}
        if prev is not None:
            doc["previous_response_id"] = prev
        if conversation is not None:
            doc["conversation"] = conversation
        if stream:
            doc["stream"] = True
        body = raw if raw is not None else json.dumps(doc).encode()
        return self.post("/v1/responses", body, {"Authorization": f"Bearer {key}"})

    def ok_turn(self, text, prev=None, stream=False, **kw):
        resp, data = self.turn(text, prev, stream, **kw)
        self.assertEqual(resp.status, 200, data)
        rid, said, final = parse(data, stream)
        self.assertEqual(said, final)
        return rid, said

    def sent(self, i=-1) -> str:
        return self.up.requests[i].body.decode()

    def check_two_turns(self, stream1, stream2):
        rid, said = self.ok_turn(JANE, stream=stream1)
        self.assertEqual(said, "I remember Jane Doe.")
        rid2, said = self.ok_turn(OMAR, prev=rid, stream=stream2)
        # The provider's <PERSON_1> is Jane's (turn 1): before the vault it came back as Omar.
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad.")
        self.assertNotIn("Omar", self.sent())
        self.assertIn("<PERSON_2>", self.sent())  # turn 2's new value: a number of its own
        self.assertNotIn("<PERSON_1>", self.sent())
        self.assertNotEqual(rid, rid2)
        return rid2

    def test_turn_two_restores_turn_one_values(self):
        self.check_two_turns(False, False)

    def test_streamed_turns(self):
        self.check_two_turns(True, True)

    def test_streamed_then_whole(self):
        self.check_two_turns(True, False)
        self.check_two_turns(False, True)

    def test_three_turns_chain(self):
        rid2 = self.check_two_turns(False, True)
        _, said = self.ok_turn(ANA, prev=rid2)
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad, Ana Lima.")
        self.assertIn("<PERSON_3>", self.sent())

    def test_repeated_value_keeps_its_number(self):
        rid, _ = self.ok_turn(JANE)
        self.ok_turn("Tell Jane Doe that Omar Haddad called.", prev=rid)
        self.assertIn("<PERSON_1>", self.sent())  # Jane again: her turn-1 number
        self.assertIn("<PERSON_2>", self.sent())

    def test_branch_from_an_earlier_turn(self):
        rid, _ = self.ok_turn(JANE)
        self.ok_turn(OMAR, prev=rid)
        _, said = self.ok_turn(ANA, prev=rid)  # a second branch from turn 1
        self.assertEqual(said, "I remember Jane Doe, Ana Lima.")
        self.assertNotIn("<PERSON_1>", self.sent())
        self.assertNotIn("<PERSON_2>", self.sent())  # (Omar's, in the other branch)

    def test_unknown_previous_id_is_refused_and_never_forwarded(self):
        """Another proxy's, or this one's before a restart: refused, since a fresh session would number
        this turn's values over the provider's earlier placeholders (and restore them as these)."""
        before = len(self.up.requests)
        resp, data = self.turn(OMAR, prev="resp_from_elsewhere")
        self.assertEqual(resp.status, 400)
        err = json.loads(data)["error"]
        self.assertEqual(err["code"], "unknown_conversation")
        self.assertIn("previous_response_id", err["message"])
        self.assertNotIn("resp_from_elsewhere", err["message"])
        self.assertEqual(len(self.up.requests), before)

    def test_restart_forgets_and_refuses(self):
        rid, _ = self.ok_turn(JANE)
        self.proxy.proxy.vault.close()  # what a restart leaves: nothing
        resp, data = self.turn(OMAR, prev=rid)
        self.assertEqual(resp.status, 400)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")

    def test_another_clients_credential_cannot_continue(self):
        rid, _ = self.ok_turn(JANE, key="sk-client-a")
        before = len(self.up.requests)
        resp, data = self.turn("Who did I mention?", prev=rid, key="sk-client-b")
        self.assertEqual(resp.status, 400)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")
        self.assertEqual(len(self.up.requests), before)
        resp, data = self.post("/v1/responses", json.dumps({"model": "m", "input": "hi", "previous_response_id": rid}).encode())
        self.assertEqual(resp.status, 400)  # no credential at all is another client too
        _, said = self.ok_turn(OMAR, prev=rid, key="sk-client-a")  # its own client still can
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad.")

    def test_credential_is_never_kept_in_clear(self):
        self.ok_turn(JANE, key="sk-secret-credential")
        for key in self.proxy.proxy.vault._kept:
            self.assertNotIn("sk-secret-credential", repr(key))

    def test_conversation_id(self):
        """A conversation made through the proxy (its first items scrubbed) and used by id afterwards."""
        resp, data = self.post("/v1/conversations", json.dumps({"items": [
            {"type": "message", "role": "user", "content": JANE}]}).encode(), {"Authorization": "Bearer sk-client-a"})
        self.assertEqual(resp.status, 200, data)
        self.assertIn("<PERSON_1>", self.sent())
        cid = json.loads(data)["id"]
        _, said = self.ok_turn(OMAR, conversation=cid)
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad.")
        _, said = self.ok_turn(ANA, conversation={"id": cid}, stream=True)
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad, Ana Lima.")
        self.assertIn("<PERSON_3>", self.sent())
        resp, data = self.turn(OMAR, conversation="conv_made_elsewhere")  # its items: unknown to the proxy
        self.assertEqual(resp.status, 400)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")

    def test_stored_response_fetched_later_is_restored(self):
        rid, _ = self.ok_turn(JANE, stream=True)
        conn_headers = {"Authorization": "Bearer sk-client-a"}

        def get(path, headers):
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            conn.close()
            return resp.status, data

        status, data = get(f"/v1/responses/{rid}", conn_headers)
        self.assertEqual(status, 200)
        self.assertEqual(parse(data, False)[1], "I remember Jane Doe.")
        # Another client (or an id the proxy does not keep): nothing restored, placeholders as written.
        status, data = get(f"/v1/responses/{rid}", {"Authorization": "Bearer sk-client-b"})
        self.assertEqual(status, 200)
        self.assertEqual(parse(data, False)[1], "I remember <PERSON_1>.")

    def test_items_added_to_a_conversation_continue_its_numbering(self):
        resp, data = self.post("/v1/conversations", json.dumps({"items": [
            {"type": "message", "role": "user", "content": JANE}]}).encode(), {"Authorization": "Bearer sk-client-a"})
        cid = json.loads(data)["id"]
        resp, data = self.post(f"/v1/conversations/{cid}/items", json.dumps({"items": [
            {"type": "message", "role": "user", "content": OMAR}]}).encode(), {"Authorization": "Bearer sk-client-a"})
        self.assertEqual(resp.status, 200, data)
        self.assertIn("<PERSON_2>", self.sent())
        self.assertIn("Omar Haddad", data.decode())  # (the listed items come back restored)
        _, said = self.ok_turn(ANA, conversation=cid)
        self.assertEqual(said, "I remember Jane Doe, Omar Haddad, Ana Lima.")
        resp, data = self.post("/v1/conversations/conv_elsewhere/items", json.dumps({"items": [
            {"type": "message", "role": "user", "content": OMAR}]}).encode(), {"Authorization": "Bearer sk-client-a"})
        self.assertEqual(resp.status, 400)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")

    def test_key_written_with_escapes(self):
        """A provider decodes `previous\\u005fresponse_id` as the key: so does the proxy."""
        rid, _ = self.ok_turn(JANE)
        body = json.dumps({"model": "m", "input": OMAR, "previous_response_id": rid}).encode()
        body = body.replace(b"previous_response_id", b"previous\\u005fresponse_id")
        resp, data = self.turn(None, raw=body)
        self.assertEqual(resp.status, 200, data)
        self.assertEqual(parse(data, False)[1], "I remember Jane Doe, Omar Haddad.")


class VaultBoundsTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"conversation_entries": 2}

    def setUp(self):
        super().setUp()
        self.state = ResponsesState()
        self.up.answer = self.state.answer

    def turn(self, text, prev=None):
        doc = {"model": "m", "input": text, **({"previous_response_id": prev} if prev else {})}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"x-api-key": "k"})
        return resp.status, data

    def test_least_recently_used_is_dropped_and_wiped(self):
        status, data = self.turn(JANE)
        first = json.loads(data)["id"]
        kept = self.proxy.proxy.vault._kept
        session = next(iter(kept.values()))[0].scrubber
        self.turn(OMAR)
        self.turn(ANA)  # a third id: the first (least recently used) goes
        self.assertEqual(len(kept), 2)
        self.assertTrue(session.closed)  # its values wiped
        status, data = self.turn("Who?", prev=first)
        self.assertEqual(status, 400)

    def test_use_refreshes(self):
        status, data = self.turn(JANE)
        first = json.loads(data)["id"]
        self.turn(OMAR)
        status, data = self.turn("Who?", prev=first)  # first used: now the most recent (two keys for it)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(data)["output"][0]["content"][0]["text"], "I remember Jane Doe.")


class NoVaultTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"conversation_entries": 0}

    def test_nothing_kept_every_continuation_refused(self):
        self.up.answer = ResponsesState().answer
        resp, data = self.post("/v1/responses", json.dumps({"model": "m", "input": JANE}).encode())
        self.assertEqual(resp.status, 200)
        self.assertEqual(len(self.proxy.proxy.vault), 0)
        rid = json.loads(data)["id"]
        resp, data = self.post("/v1/responses", json.dumps({"model": "m", "input": OMAR,
                                                            "previous_response_id": rid}).encode())
        self.assertEqual(resp.status, 400)


class VaultSettingsTest(unittest.TestCase):
    def test_defaults_and_limits(self):
        route = {"name": "r", "upstream": "http://127.0.0.1:9/v1", "policy": "scrub"}
        cfg = from_dict({"route": [route]})
        self.assertEqual((cfg.conversation_ttl, cfg.conversation_entries), (3600.0, 10000))
        cfg = from_dict({"route": [route], "conversation_ttl": 60, "conversation_entries": 0})
        self.assertEqual((cfg.conversation_ttl, cfg.conversation_entries), (60.0, 0))
        for bad in ({"conversation_ttl": 0}, {"conversation_entries": -1}, {"conversation_ttl": "1h"}):
            with self.assertRaises(ConfigError):
                from_dict({"route": [route], **bad})


class FakeScrubber:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


class VaultUnitTest(unittest.TestCase):
    def setUp(self):
        self.now = 1000.0
        self.vault = vault.Vault(ttl=60, entries=3, clock=lambda: self.now)

    def test_expires_after_ttl_from_last_use(self):
        conv = vault.Conversation(FakeScrubber())
        self.vault.put("a", conv)
        self.now += 50
        self.assertIs(self.vault.get("a"), conv)  # refreshed
        self.now += 50
        self.assertIs(self.vault.get("a"), conv)
        self.now += 61
        self.assertIsNone(self.vault.get("a"))
        self.assertTrue(conv.scrubber.closed)

    def test_shared_session_wiped_with_its_last_key(self):
        conv = vault.Conversation(FakeScrubber())
        for k in ("a", "b", "c"):
            self.vault.put(k, conv)
        for k in ("d", "e"):
            self.vault.put(k, vault.Conversation(FakeScrubber()))
        self.assertFalse(conv.scrubber.closed)  # "c" still holds it
        self.vault.put("f", vault.Conversation(FakeScrubber()))
        self.assertTrue(conv.scrubber.closed)

    def test_busy_session_wiped_only_when_released(self):
        conv = vault.Conversation(FakeScrubber(), busy=True)
        self.vault.put("a", conv)
        self.now += 61
        self.assertIsNone(self.vault.get("a"))
        self.assertFalse(conv.scrubber.closed)  # a request still uses it
        conv.release()
        self.assertTrue(conv.scrubber.closed)

    def test_close_wipes_all(self):
        convs = [vault.Conversation(FakeScrubber()) for _ in range(3)]
        for i, c in enumerate(convs):
            self.vault.put(i, c)
        self.vault.close()
        self.assertTrue(all(c.scrubber.closed for c in convs))

    def test_client_digest(self):
        from multidict import CIMultiDict

        a = self.vault.client(CIMultiDict({"Authorization": "Bearer A"}))
        self.assertEqual(a, self.vault.client(CIMultiDict({"authorization": "Bearer A"})))
        self.assertNotEqual(a, self.vault.client(CIMultiDict({"Authorization": "Bearer B"})))
        self.assertNotEqual(a, self.vault.client(CIMultiDict({"x-api-key": "Bearer A"})))
        self.assertNotIn(b"Bearer A", a)
        other = vault.Vault(60, 3)  # another process: another key
        self.assertNotEqual(a, other.client(CIMultiDict({"Authorization": "Bearer A"})))

    def test_named_ids(self):
        self.assertEqual(vault.named_ids(b'{"input": "x", "previous_response_id": "resp_1"}'), [("response", "resp_1")])
        self.assertEqual(vault.named_ids(b'{"conversation": {"id": "conv_1", "x": {"id": "no"}}}'),
                         [("conversation", "conv_1")])
        self.assertEqual(vault.named_ids(b'{"input": {"previous_response_id": "nested"}}'), [])
        self.assertEqual(vault.named_ids(b'{"previous_response_id": null}'), [])

    def test_stream_id(self):
        found = []
        watch = vault.StreamId(found.append)
        event = b'event: response.created\ndata: {"type":"response.created","response":{"object":"response","id":"resp_9"}}\n\n'
        for i in range(0, len(event), 5):
            watch.feed(event[i:i + 5])
        self.assertEqual(found, ["resp_9"])
        self.assertTrue(watch.done)


def noted(body: bytes) -> str:
    """The placeholders a request holds, as the model would name them back."""
    said = []
    for p in PLACEHOLDER.findall(body.decode()):
        if p not in said:
            said.append(p)
    return "Noted " + " and ".join(said) + "."


def chat_answer(method, path, body):
    return ("json", 200, json.dumps({"id": "c", "object": "chat.completion", "choices": [
        {"index": 0, "message": {"role": "assistant", "content": noted(body)}, "finish_reason": "stop"}]}).encode())


def messages_answer(method, path, body):
    return ("json", 200, json.dumps({"id": "m", "type": "message", "role": "assistant", "content": [
        {"type": "text", "text": noted(body)}], "stop_reason": "end_turn"}).encode())


class GrowingHistoryTest(ProxyFixture):
    """Chat Completions and Messages resend the whole history, each request with a fresh session: the
    history's values get the numbers they had in the earlier turns (numbering follows first appearance),
    so the model's earlier placeholders still name the same people."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def check(self, path, answer, user, assistant, extra=None):
        self.up.answer = answer
        history = [user(JANE)]
        sent = []
        for text in (OMAR, ANA):
            resp, data = self.post(path, json.dumps({"model": "m", "max_tokens": 9, "messages": history, **(extra or {})}).encode())
            self.assertEqual(resp.status, 200, data)
            sent.append(json.loads(self.up.requests[-1].body))
            history = history + [assistant(json.loads(data)), user(text)]
        first, second = sent
        self.assertEqual(json.dumps(first["messages"][0]), json.dumps(second["messages"][0]))  # Jane: <PERSON_1>
        self.assertIn("<PERSON_1>", json.dumps(first["messages"][0]))
        self.assertIn("<PERSON_2>", json.dumps(second["messages"][-1]))  # Omar, new: the next number
        self.assertNotIn("Omar", json.dumps(second))
        resp, data = self.post(path, json.dumps({"model": "m", "max_tokens": 9, "messages": history}).encode())
        third = json.loads(self.up.requests[-1].body)
        self.assertEqual(json.dumps(third["messages"][:-1]), json.dumps(second["messages"] + third["messages"][-2:-1]))
        self.assertIn("<PERSON_3>", json.dumps(third["messages"][-1]))  # Ana
        return json.loads(data)

    def test_chat_completions(self):
        out = self.check("/v1/chat/completions", chat_answer, lambda t: {"role": "user", "content": t},
                         lambda d: d["choices"][0]["message"])
        self.assertEqual(out["choices"][0]["message"]["content"], "Noted Jane Doe and Omar Haddad and Ana Lima.")

    def test_messages(self):
        out = self.check("/v1/messages", messages_answer,
                         lambda t: {"role": "user", "content": [{"type": "text", "text": t}]},
                         lambda d: {"role": "assistant", "content": d["content"]})
        self.assertEqual(out["content"][0]["text"], "Noted Jane Doe and Omar Haddad and Ana Lima.")


def two_workers(test, up):
    """Two proxy workers sharing one handoff, each with a scrub route to up; closed at the test's cleanup.
    Returns the share and the workers."""
    share = handoff.make(2)
    test.addCleanup(handoff.remove, share)
    workers = []
    for index in range(2):
        cfg = from_dict({"listen": "127.0.0.1:0", "route": [
            {"name": "scrubbed", "upstream": up.url + "/v1", "policy": "scrub"}]})
        workers.append(ProxyThread(cfg, handoff=share, index=index))
        test.addCleanup(workers[-1].close)
    return share, workers


class WorkerHandoffTest(unittest.TestCase):
    """sanctum-proxy's workers each keep their own sessions, and a client's next connection may reach any
    of them: a request continuing another worker's conversation is handed to it (handoff.py)."""

    def setUp(self):
        self.up = FakeUpstream()
        self.state = ResponsesState()
        self.up.answer = self.state.answer
        self.addCleanup(self.up.close)
        self.share, self.workers = two_workers(self, self.up)

    def turn(self, worker, text, prev=None, stream=False, headers=None):
        doc = {"model": "m", "input": text, **({"previous_response_id": prev} if prev else {}),
               **({"stream": True} if stream else {})}
        conn = http.client.HTTPConnection("127.0.0.1", self.workers[worker].port, timeout=10)
        conn.request("POST", "/v1/responses", body=json.dumps(doc).encode(),
                     headers={"Content-Type": "application/json", "Authorization": "Bearer sk-a", **(headers or {})})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, data

    def test_turn_two_on_the_other_worker(self):
        status, data = self.turn(0, JANE)
        rid = parse(data, False)[0]
        for stream in (False, True):
            status, data = self.turn(1, OMAR, prev=rid, stream=stream)
            self.assertEqual(status, 200, data)
            self.assertEqual(parse(data, stream)[1], "I remember Jane Doe, Omar Haddad.")
        self.assertIn("<PERSON_2>", self.up.requests[-1].body.decode())  # worker 0's session numbered it
        self.assertEqual(len(self.workers[1].proxy.vault), 0)  # (worker 1 kept nothing)
        rid3 = parse(data, True)[0]
        status, data = self.turn(1, ANA, prev=rid3)  # the chain goes on there
        self.assertEqual(parse(data, False)[1], "I remember Jane Doe, Omar Haddad, Ana Lima.")

    def test_kept_by_no_worker_is_refused(self):
        before = len(self.up.requests)
        status, data = self.turn(1, OMAR, prev="resp_elsewhere")
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")
        self.assertEqual(len(self.up.requests), before)

    def test_a_clients_own_mark_counts_for_nothing(self):
        status, data = self.turn(0, JANE)
        rid = parse(data, False)[0]
        status, data = self.turn(1, OMAR, prev=rid, headers={handoff.HEADER: "guess"})
        self.assertEqual(status, 200)
        self.assertEqual(parse(data, False)[1], "I remember Jane Doe, Omar Haddad.")
        for r in self.up.requests:
            self.assertNotIn(handoff.HEADER.lower(), {k.lower() for k in r.headers})


if __name__ == "__main__":
    unittest.main()
