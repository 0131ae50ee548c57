"""A hostile review of the conversation vault (vault.py) and the worker handoff (handoff.py): each test is
an attempt that broke before its fix, or a check that held. See test_proxy_conversations.py for the
vault's own behaviour."""
import asyncio
import http.client
import json
import socket
import time
import unittest

from fake_upstream import FakeUpstream
from responses_fake import ResponsesState
from sanctumcore.proxy import ProxyThread, from_dict, handoff, vault
from sanctumcore.proxy.server import Refusal, Turn
from test_proxy_conversations import JANE, OMAR, FakeScrubber, parse, two_workers
from test_proxy_pass import ProxyFixture
from multidict import CIMultiDict


class HandoffPeerGoneTest(unittest.TestCase):
    """A worker whose peer stopped serving its socket (died, stopped, stuck) must answer the client, not
    hang: every worker held every listening socket (inherited at fork), so a dead peer's socket still
    accepted connections that nobody read, and the handoff had no read timeout."""

    def setUp(self):
        self.up = FakeUpstream()
        self.up.answer = ResponsesState().answer
        self.share = handoff.make(2)
        self.addCleanup(handoff.remove, self.share)
        cfg = from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 0.5, "upstream_connect_timeout": 0.5,
                         "upstream_pool_timeout": 0.5,
                         "route": [{"name": "scrubbed", "upstream": self.up.url + "/v1", "policy": "scrub"}]})
        self.worker = ProxyThread(cfg, handoff=self.share, index=0)  # worker 1 never serves its socket
        self.addCleanup(self.up.close)
        self.addCleanup(self.worker.close)

    def turn(self):
        body = json.dumps({"model": "m", "input": OMAR, "previous_response_id": "resp_x"}).encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.worker.port, timeout=15)
        started = time.monotonic()
        conn.request("POST", "/v1/responses", body=body,
                     headers={"Content-Type": "application/json", "Authorization": "Bearer sk-a"})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, data, time.monotonic() - started

    def test_a_peer_that_never_reads_is_given_up(self):
        status, data, took = self.turn()  # (it may have sent the request upstream: not "unknown")
        self.assertEqual(status, 502, data)
        self.assertEqual(json.loads(data)["error"]["code"], "handoff_timeout")
        self.assertLess(took, 10)
        self.assertEqual(len(self.up.requests), 0)

    def test_a_worker_keeps_only_its_own_socket(self):
        own = handoff.keep_own(self.share, 0)  # (as every worker does after the fork)
        self.assertIs(own, self.share["socks"][0])
        self.assertEqual(self.share["socks"][1].fileno(), -1)  # closed in this process: a connect to it
        status, data, took = self.turn()                        # is refused once its worker is gone
        self.assertEqual(status, 400, data)
        self.assertLess(took, 2)


class VaultExpiryTest(ProxyFixture):
    """conversation_ttl held only when another request came: a kept session (personal data) stayed in
    memory past its lifetime for as long as the worker was idle."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"conversation_ttl": 0.3}

    def test_expired_sessions_are_wiped_without_traffic(self):
        self.up.answer = ResponsesState().answer
        resp, data = self.post("/v1/responses", json.dumps({"model": "m", "input": JANE}).encode())
        self.assertEqual(resp.status, 200)
        kept = self.proxy.proxy.vault._kept
        self.assertEqual(len(kept), 1)
        session = next(iter(kept.values()))[0].scrubber
        deadline = time.monotonic() + 5
        while not session.closed and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertTrue(session.closed)
        self.assertEqual(len(kept), 0)


class StoreFalseTest(ProxyFixture):
    """`store: false`: the provider keeps no response a later request could name, so the proxy keeps no
    session for it (it kept the values for conversation_ttl, and a client could fill the vault with them)."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def test_not_kept(self):
        self.up.answer = ResponsesState().answer
        for stream in (False, True):
            doc = {"model": "m", "input": JANE, "store": False, **({"stream": True} if stream else {})}
            resp, data = self.post("/v1/responses", json.dumps(doc).encode())
            self.assertEqual(resp.status, 200)
            self.assertEqual(parse(data, stream)[1], "I remember Jane Doe.")  # restored all the same
        body = b'{"model": "m", "input": "My name is Jane Doe.", "st\\u006fre": false}'  # (as the provider reads it)
        resp, data = self.post("/v1/responses", body)
        self.assertEqual(resp.status, 200, data)
        self.assertEqual(len(self.proxy.proxy.vault), 0)
        doc = {"model": "m", "input": JANE, "store": True}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode())
        self.assertEqual(len(self.proxy.proxy.vault), 1)  # (store true, or absent: kept)


class Session(FakeScrubber):
    def summary(self):
        return {}, 0


class BusySessionTest(unittest.TestCase):
    """A turn waits for the turn before it on the same session; the wait had no bound, so a request
    stuck on a slow or hung turn (or one of many piled up behind it) waited forever."""

    def test_a_wait_is_bounded_and_refused(self):
        async def attempt():
            store = vault.Vault(60, 10)
            route = type("R", (), {"name": "r"})()
            store.put(("r", b"c", "response", "resp_1"), vault.Conversation(Session(), busy=True))
            turn = Turn(store, route, b"c", [("response", "resp_1")], "response", wait=0.2)
            with self.assertRaises(Refusal) as caught:
                await asyncio.wait_for(turn.resume(), 3)
            return caught.exception
        started = time.monotonic()
        e = asyncio.run(attempt())
        self.assertEqual((e.status, e.code), (409, "conversation_busy"))
        self.assertLess(time.monotonic() - started, 2)

    def test_a_waiter_goes_on_once_released(self):
        async def attempt():
            store = vault.Vault(60, 10)
            conv = vault.Conversation(Session(), busy=True)
            store.put(("r", b"c", "response", "resp_1"), conv)
            route = type("R", (), {"name": "r"})()
            turn = Turn(store, route, b"c", [("response", "resp_1")], "response", wait=5)
            asyncio.get_running_loop().call_later(0.1, conv.release)
            return await asyncio.wait_for(turn.resume(), 3)
        self.assertIsNotNone(asyncio.run(attempt()))


class ClientDigestTest(unittest.TestCase):
    def setUp(self):
        self.v = vault.Vault(60, 10)

    def test_header_name_case_and_order_of_two_credentials(self):
        a = self.v.client(CIMultiDict([("AUTHORIZATION", "Bearer x")]))
        self.assertEqual(a, self.v.client(CIMultiDict([("authorization", "Bearer x")])))
        both = self.v.client(CIMultiDict([("Authorization", "Bearer x"), ("x-api-key", "y")]))
        self.assertNotEqual(both, a)
        self.assertNotEqual(both, self.v.client(CIMultiDict([("x-api-key", "y")])))
        # the same value under another credential header is another client
        self.assertNotEqual(self.v.client(CIMultiDict([("x-api-key", "Bearer x")])), a)

    def test_a_key_parameter_written_with_escapes_tells_clients_apart(self):
        # Google decodes parameter names: k%65y=A is the key A. Both were one client.
        self.assertNotEqual(self.v.client(CIMultiDict(), "k%65y=A"), self.v.client(CIMultiDict(), "k%65y=B"))
        self.assertNotEqual(self.v.client(CIMultiDict(), "alt=sse&key=A"), self.v.client(CIMultiDict(), "key=B"))
        self.assertEqual(self.v.client(CIMultiDict(), "alt=sse&key=A"), self.v.client(CIMultiDict(), "key=A&alt=sse"))


class VaultBytesTest(ProxyFixture):
    """conversation_entries alone bounded the count, not the memory: a session of a 3 MB request with
    100,000 values took 17 MB of RSS (1000 of 28 KB requests: 134 MB), so 10,000 kept sessions of large
    requests took far more than a machine has. conversation_bytes bounds the request bytes kept."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"conversation_bytes": 200}

    def turn(self, text, prev=None):
        doc = {"model": "m", "input": text, **({"previous_response_id": prev} if prev else {})}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"x-api-key": "k"})
        return resp.status, data

    def test_least_recently_used_dropped_past_the_budget(self):
        self.up.answer = ResponsesState().answer
        store = self.proxy.proxy.vault
        status, data = self.turn(JANE + " " + "x" * 70)  # (bodies of 118 and 116 bytes)
        first = json.loads(data)["id"]
        session = next(iter(store._kept.values()))[0].scrubber
        status, data = self.turn(OMAR + " " + "x" * 60)
        second = json.loads(data)["id"]
        self.assertEqual(len(store), 1)  # the first went: both were past 200 bytes
        self.assertTrue(session.closed)
        self.assertLessEqual(store.bytes, 200)
        self.assertEqual(self.turn("Who?", prev=first)[0], 400)
        status, data = self.turn("Who?", prev=second)  # a continuation is charged too
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(data)["output"][0]["content"][0]["text"], "I remember Omar Haddad.")
        self.assertEqual(len(store), 2)  # (two ids for one session: counted once)
        self.assertLessEqual(store.bytes, 200)
        status, data = self.turn("y" * 300)  # larger than the budget: never kept
        self.assertEqual(status, 200)
        self.assertEqual((len(store), store.bytes), (0, 0))


class FallbackConversationTest(ProxyFixture):
    """A conversation whose first turn the fallback route answered (the primary was down) is kept for
    the fallback's route; its next turn tried the primary first, found nothing kept there and was
    refused 400 although the fallback keeps it (and only the fallback's provider knows the id)."""
    routes = [{"name": "primary", "upstream": "DOWN/v1", "policy": "scrub", "fallback": ["spare"]},
              {"name": "spare", "upstream": "UP/v1", "policy": "scrub"}]

    def turn(self, text, prev=None):
        doc = {"model": "m", "input": text, **({"previous_response_id": prev} if prev else {})}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"x-api-key": "k"})
        return resp.status, data

    def test_next_turn_goes_on_where_it_is_kept(self):
        self.up.answer = ResponsesState().answer
        status, data = self.turn(JANE)
        self.assertEqual(status, 200, data)
        status, data = self.turn(OMAR, prev=json.loads(data)["id"])
        self.assertEqual(status, 200, data)
        self.assertEqual(json.loads(data)["output"][0]["content"][0]["text"], "I remember Jane Doe, Omar Haddad.")
        self.assertIn("<PERSON_2>", self.up.requests[-1].body.decode())
        status, data = self.turn(OMAR, prev="resp_unknown")  # kept nowhere: still refused
        self.assertEqual(status, 400)


class HandoffUpstreamMarkTest(unittest.TestCase):
    """The worker that keeps a conversation relayed the upstream's headers as they came, so an answer
    carrying X-Sanctum-Not-Kept was taken by the handing worker for "not kept": the answer (already
    given by the provider) was thrown away and the client refused 400."""

    def setUp(self):
        self.up = FakeUpstream()
        state = ResponsesState()
        self.up.answer = lambda m, p, b: (*state.answer(m, p, b)[:3], {handoff.NOT_KEPT: "1"})
        self.addCleanup(self.up.close)
        self.share, self.workers = two_workers(self, self.up)

    def turn(self, worker, text, prev=None):
        doc = {"model": "m", "input": text, **({"previous_response_id": prev} if prev else {})}
        conn = http.client.HTTPConnection("127.0.0.1", self.workers[worker].port, timeout=10)
        conn.request("POST", "/v1/responses", body=json.dumps(doc).encode(),
                     headers={"Content-Type": "application/json", "Authorization": "Bearer sk-a"})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, data, resp.getheader(handoff.NOT_KEPT)

    def test_an_upstream_header_is_no_mark(self):
        status, data, mark = self.turn(0, JANE)
        self.assertIsNone(mark)
        with self.assertLogs("sanctumcore.proxy", level="DEBUG") as logs:
            status, data, mark = self.turn(1, OMAR, prev=json.loads(data)["id"])
            deadline = time.monotonic() + 5  # (both workers' lines are written once their answers went out)
            while len(logs.output) < 2 and time.monotonic() < deadline:
                time.sleep(0.01)
        self.assertGreaterEqual(len(logs.output), 2)
        self.assertNotIn(self.share["token"], "\n".join(logs.output))  # (held: the token is never logged)
        self.assertEqual(status, 200, data)
        self.assertEqual(json.loads(data)["output"][0]["content"][0]["text"], "I remember Jane Doe, Omar Haddad.")
        self.assertEqual(len(self.up.requests), 2)


class HeldTest(ProxyFixture):
    """Attempts that held (kept as checks)."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def stream_turn(self, late: bool):
        state = ResponsesState()

        def answer(method, path, body):
            kind, status, pieces = state.answer(method, path, body)[:3]
            if not late:
                return kind, status, pieces
            pieces = [p for p in pieces if b"response.created" not in p]  # the id only at the end,
            pad = {"type": "response.output_text.delta", "item_id": "m", "output_index": 0,  # past what
                   "content_index": 0, "delta": "."}                                         # is looked at
            filler = f"event: x\ndata: {json.dumps(pad)}\n\n".encode() * (vault.StreamId.LIMIT // 100 + 1)
            return kind, status, [filler] + pieces
        self.up.answer = answer
        doc = {"model": "m", "input": JANE, "stream": True}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"x-api-key": "k"})
        self.assertEqual(resp.status, 200)
        return parse(data, True)

    def test_a_stream_whose_id_comes_late_is_not_kept_and_its_next_turn_refused(self):
        rid, said, final = self.stream_turn(late=True)
        self.assertEqual(final, "I remember Jane Doe.")
        self.assertEqual(len(self.proxy.proxy.vault), 0)  # fail closed: never continued with a fresh session
        doc = {"model": "m", "input": OMAR, "previous_response_id": "resp_0001"}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"x-api-key": "k"})
        self.assertEqual((resp.status, json.loads(data)["error"]["code"]), (400, "unknown_conversation"))

    def test_another_client_reading_a_response_gets_placeholders(self):
        self.up.answer = ResponsesState().answer
        doc = {"model": "m", "input": JANE}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {"Authorization": "Bearer sk-a"})
        rid = json.loads(data)["id"]
        for headers in ({"Authorization": "Bearer sk-b"}, {"x-api-key": "Bearer sk-a"},  # (same value, other
                        {"Authorization": "Bearer sk-a", "x-api-key": "k"}, {}):       # header; two; none)
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            conn.request("GET", f"/v1/responses/{rid}", headers=headers)
            got = conn.getresponse()
            text = got.read().decode()
            conn.close()
            self.assertEqual(got.status, 200, text)
            self.assertNotIn("Jane", text, headers)
            self.assertIn("<PERSON_1>", text)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", f"/v1/responses/{rid}", headers={"authorization": "Bearer sk-a"})  # its own client
        self.assertIn("Jane Doe", conn.getresponse().read().decode())
        conn.close()

    def test_a_clients_handoff_header_is_never_forwarded_and_proves_nothing(self):
        self.up.answer = ResponsesState().answer
        doc = {"model": "m", "input": OMAR, "previous_response_id": "resp_x"}
        resp, data = self.post("/v1/responses", json.dumps(doc).encode(), {handoff.HEADER: "x" * 32})
        self.assertEqual(resp.status, 400)
        self.assertIsNone(resp.getheader(handoff.NOT_KEPT))  # (no handoff configured: nothing to tell)
        self.assertEqual(len(self.up.requests), 0)


class HandoffDirectoryTest(unittest.TestCase):
    def test_private_directory_whatever_the_umask(self):
        import os
        import stat
        old = os.umask(0)
        try:
            share = handoff.make(2)
        finally:
            os.umask(old)
        try:
            mode = os.stat(share["dir"]).st_mode
            self.assertEqual(stat.S_IMODE(mode), 0o700)
            self.assertEqual(os.stat(share["dir"]).st_uid, os.getuid())
            self.assertEqual(len(share["token"]), 32)  # 128 random bits
        finally:
            for sock in share["socks"]:
                sock.close()
            handoff.remove(share)


def handoff_sockets(pid: int) -> int:
    """How many handoff listening sockets (worker-N.sock) process `pid` holds (an event loop may hold
    its own socket under two descriptors: counted once)."""
    import os
    inodes = set()
    with open("/proc/net/unix") as f:
        for line in f.readlines()[1:]:
            parts = line.split()
            if len(parts) >= 8 and parts[3] == "00010000" and "sanctum-proxy-" in parts[7]:  # (listening)
                inodes.add(parts[6])
    held = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            held.add(target)
    return len(held)


@unittest.skipUnless(__import__("os").path.exists("/proc/net/unix"), "needs Linux /proc")
class ForkedWorkersTest(unittest.TestCase):
    """sanctum-proxy --workers 2 on a scrub route: turn 2 on fresh connections (either worker) restores
    turn 1, and each process holds only its own handoff socket (it held both: a dead worker's socket
    still took the other's handoffs, and nobody read them)."""

    def test_turn_two_anywhere_and_one_socket_each(self):
        import os
        import signal
        import subprocess
        import sys
        import sanctumcore
        from test_proxy_balance import children, connect_and_ask_ok

        up = FakeUpstream()
        self.addCleanup(up.close)
        state = ResponsesState()
        up.answer = lambda m, p, b: state.answer(m, p, b) if p.endswith("/responses") else ("json", 200, b"{}")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(sanctumcore.__file__)))}
        proc = subprocess.Popen([sys.executable, "-m", "sanctumcore.proxy", "--listen", f"127.0.0.1:{port}",
                                 "--upstream", up.url + "/v1", "--policy", "scrub", "--workers", "2"],
                                stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        self.addCleanup(lambda: proc.poll() is None and (os.killpg(proc.pid, signal.SIGKILL), proc.wait(20)))
        deadline = time.monotonic() + 20
        while not children(proc.pid) or not connect_and_ask_ok(port):
            self.assertLess(time.monotonic(), deadline, "the proxy did not start")
            time.sleep(0.1)

        def turn(doc):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("POST", "/v1/responses", body=json.dumps(doc).encode(),
                         headers={"Content-Type": "application/json", "Authorization": "Bearer sk-a"})
            resp = conn.getresponse()
            data = resp.read()
            conn.close()
            return resp.status, data

        status, data = turn({"model": "m", "input": JANE})
        self.assertEqual(status, 200, data)
        rid = json.loads(data)["id"]
        for _ in range(6):
            status, data = turn({"model": "m", "input": OMAR, "previous_response_id": rid})
            self.assertEqual(status, 200, data)
            self.assertEqual(json.loads(data)["output"][0]["content"][0]["text"], "I remember Jane Doe, Omar Haddad.")
        for pid in [proc.pid] + children(proc.pid):
            self.assertEqual(handoff_sockets(pid), 1, pid)


if __name__ == "__main__":
    unittest.main()
