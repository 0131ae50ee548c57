"""The conversation vault keeps clients apart when they send no credential (their TCP peer address is
their identity, through the worker handoff too), and one client cannot push out everyone's sessions."""
import http.client
import json
import os
import unittest

from fake_upstream import FakeUpstream
from multidict import CIMultiDict
from responses_fake import ResponsesState
from sanctumcore.proxy import handoff, vault
from test_proxy_conversations import JANE, OMAR, FakeScrubber, two_workers
from test_proxy_pass import ProxyFixture

OTHER_PEER = "127.0.0.2"  # (Linux routes all of 127/8 to the loopback: a second device's address)


def ask(port, method, path, doc=None, peer="127.0.0.1", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(peer, 0))
    body = json.dumps(doc).encode() if doc is not None else None
    conn.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def said(data):
    return json.loads(data)["output"][0]["content"][0]["text"]


class NoCredentialPeerTest(ProxyFixture):
    """Clients sending no credential (the route supplies the provider key) were one client: a device that
    learnt a response id continued or read another device's conversation, its names restored."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def setUp(self):
        super().setUp()
        self.up.answer = ResponsesState().answer
        status, data = ask(self.port, "POST", "/v1/responses", {"model": "m", "input": JANE})
        self.assertEqual(status, 200, data)
        self.rid = json.loads(data)["id"]

    def test_another_peer_is_refused(self):
        sent = len(self.up.requests)
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": self.rid}, peer=OTHER_PEER)
        self.assertEqual(status, 400, data)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")
        self.assertEqual(len(self.up.requests), sent)  # nothing forwarded

    def test_another_peer_reads_placeholders(self):
        status, data = ask(self.port, "GET", f"/v1/responses/{self.rid}", peer=OTHER_PEER)
        self.assertEqual(status, 200, data)
        self.assertNotIn(b"Jane", data)
        self.assertIn(b"<PERSON_1>", data)

    def test_a_forwarding_header_proves_nothing(self):
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": self.rid}, peer=OTHER_PEER,
                           headers={"X-Forwarded-For": "127.0.0.1", "Forwarded": "for=127.0.0.1"})
        self.assertEqual(status, 400, data)

    def test_the_same_peer_continues(self):
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": self.rid})
        self.assertEqual(status, 200, data)
        self.assertEqual(said(data), "I remember Jane Doe, Omar Haddad.")
        status, data = ask(self.port, "GET", f"/v1/responses/{self.rid}")
        self.assertIn(b"Jane Doe", data)


class RouteKeyPeerTest(ProxyFixture):
    """On a route that supplies the provider key, the client's own credential is replaced before it leaves
    and proves nothing: SDKs refuse to run without one, so every device sends the same dummy key, and they
    were one client again. There the peer address counts beside it."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub", "api_key_env": "SANCTUM_TEST_VKEY"}]
    DUMMY = {"Authorization": "Bearer sk-dummy"}

    def setUp(self):
        os.environ["SANCTUM_TEST_VKEY"] = "the-route-key"
        self.addCleanup(os.environ.pop, "SANCTUM_TEST_VKEY", None)
        super().setUp()
        self.up.answer = ResponsesState().answer
        status, data = ask(self.port, "POST", "/v1/responses", {"model": "m", "input": JANE}, headers=self.DUMMY)
        self.assertEqual(status, 200, data)
        self.rid = json.loads(data)["id"]

    def test_another_peer_with_the_same_dummy_key_is_refused(self):
        sent = len(self.up.requests)
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": self.rid}, peer=OTHER_PEER,
                           headers=self.DUMMY)
        self.assertEqual(status, 400, data)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")
        self.assertEqual(len(self.up.requests), sent)

    def test_the_same_peer_with_the_dummy_key_continues(self):
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": self.rid}, headers=self.DUMMY)
        self.assertEqual(status, 200, data)
        self.assertEqual(said(data), "I remember Jane Doe, Omar Haddad.")


class PeerDigestTest(unittest.TestCase):
    def test_peer_counts_only_without_a_credential(self):
        v = vault.Vault(60, 10)
        none = CIMultiDict()
        self.assertNotEqual(v.client(none, "", "10.0.0.1"), v.client(none, "", "10.0.0.2"))
        self.assertEqual(v.client(none, "", "10.0.0.1"), v.client(none, "", "10.0.0.1"))
        key = CIMultiDict({"Authorization": "Bearer A"})
        self.assertEqual(v.client(key, "", "10.0.0.1"), v.client(key, "", "10.0.0.2"))  # (a roaming client)
        self.assertEqual(v.client(none, "key=A", "10.0.0.1"), v.client(none, "key=A", "10.0.0.2"))
        self.assertNotIn(b"10.0.0.1", v.client(none, "", "10.0.0.1"))


class HandoffPeerTest(unittest.TestCase):
    """Two workers sharing a handoff: a credential-less turn 2 reaching the other worker is handed over
    with its client digest (the keeping worker sees only the Unix socket's peer, the same for everyone)."""

    def setUp(self):
        self.up = FakeUpstream()
        self.up.answer = ResponsesState().answer
        self.addCleanup(self.up.close)
        self.share, self.workers = two_workers(self, self.up)

    def test_handed_over_with_its_peer_identity(self):
        status, data = ask(self.workers[0].port, "POST", "/v1/responses", {"model": "m", "input": JANE})
        rid = json.loads(data)["id"]
        turn = {"model": "m", "input": OMAR, "previous_response_id": rid}
        status, data = ask(self.workers[1].port, "POST", "/v1/responses", turn, peer=OTHER_PEER)
        self.assertEqual(status, 400, data)
        self.assertEqual(json.loads(data)["error"]["code"], "unknown_conversation")
        self.assertEqual(len(self.up.requests), 1)
        status, data = ask(self.workers[1].port, "GET", f"/v1/responses/{rid}", peer=OTHER_PEER)
        self.assertNotIn(b"Jane", data)
        status, data = ask(self.workers[1].port, "POST", "/v1/responses", turn)
        self.assertEqual(status, 200, data)
        self.assertEqual(said(data), "I remember Jane Doe, Omar Haddad.")
        for sent in self.up.requests:
            self.assertNotIn("x-sanctum-client", {k.lower() for k in sent.headers})

    def test_a_clients_own_digest_header_is_ignored(self):
        status, data = ask(self.workers[0].port, "POST", "/v1/responses", {"model": "m", "input": JANE})
        rid = json.loads(data)["id"]
        digest = self.workers[0].proxy.vault.client(CIMultiDict(), "", "127.0.0.1").hex()
        turn = {"model": "m", "input": OMAR, "previous_response_id": rid}
        status, data = ask(self.workers[0].port, "POST", "/v1/responses", turn, peer=OTHER_PEER,
                           headers={handoff.CLIENT: digest, handoff.HEADER: "x" * 32})
        self.assertEqual(status, 400, data)


def key(client, ident):
    return ("r", client, "response", ident)


class PerClientBoundTest(unittest.TestCase):
    """One client making ids in a loop pushed out every other client's sessions (least recently used
    first, whoever they were): past its share, a client loses its own first."""

    def test_entries(self):
        v = vault.Vault(60, 8)
        mine = [vault.Conversation(FakeScrubber()) for _ in range(2)]
        for i, conv in enumerate(mine):
            v.put(key(b"a", str(i)), conv)
        for i in range(100):
            v.put(key(b"b", str(i)), vault.Conversation(FakeScrubber()))
        self.assertEqual(len(v), 8)
        for i, conv in enumerate(mine):
            self.assertIs(v.get(key(b"a", str(i))), conv)
            self.assertFalse(conv.scrubber.closed)
        self.assertIsNotNone(v.get(key(b"b", "99")))  # the flooder keeps its most recent
        self.assertIsNone(v.get(key(b"b", "0")))

    def test_bytes(self):
        v = vault.Vault(60, 1000, max_bytes=400)
        mine = vault.Conversation(FakeScrubber(), size=90)
        v.put(key(b"a", "x"), mine)
        for i in range(50):
            v.put(key(b"b", str(i)), vault.Conversation(FakeScrubber(), size=50))
        self.assertLessEqual(v.bytes, 400)
        self.assertIs(v.get(key(b"a", "x")), mine)
        self.assertIsNotNone(v.get(key(b"b", "49")))

    def test_a_lone_client_still_fills_the_vault(self):
        v = vault.Vault(60, 8)
        for i in range(20):
            v.put(key(b"a", str(i)), vault.Conversation(FakeScrubber()))
        self.assertEqual(len(v), 8)
        self.assertIsNotNone(v.get(key(b"a", "12")))

    def test_counters_return_to_zero(self):
        v = vault.Vault(1, 4, max_bytes=100)
        for i in range(10):
            conv = vault.Conversation(FakeScrubber(), size=10)
            v.put(key(bytes([i % 3]), str(i)), conv)
            v.put(("r", bytes([i % 3]), "conversation", str(i)), conv)
            v.grow(conv, 5)
        v.close()
        self.assertEqual((len(v), v.bytes, v._owned, dict(v._owned_bytes)), (0, 0, {}, {}))


class PerClientBoundProxyTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"conversation_entries": 8}

    def test_a_flood_from_one_peer_keeps_anothers_conversation(self):
        self.up.answer = ResponsesState().answer
        status, data = ask(self.port, "POST", "/v1/responses", {"model": "m", "input": JANE})
        rid = json.loads(data)["id"]
        for _ in range(20):
            ask(self.port, "POST", "/v1/responses", {"model": "m", "input": OMAR}, peer=OTHER_PEER)
        status, data = ask(self.port, "POST", "/v1/responses",
                           {"model": "m", "input": OMAR, "previous_response_id": rid})
        self.assertEqual(status, 200, data)
        self.assertEqual(said(data), "I remember Jane Doe, Omar Haddad.")


if __name__ == "__main__":
    unittest.main()
