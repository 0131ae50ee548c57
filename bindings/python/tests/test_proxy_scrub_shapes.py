"""Red-team of a scrub route's decision, through the proxy to the fake provider: request shapes that a
provider (OpenAI, Anthropic, Gemini, OpenAI-compatible servers such as vLLM and Ollama) reads as prompt
text must reach it with no planted value. Each case is one attempt; the ones that leaked before are
marked in their comment (core/src/json/chat_formats.c fixes them)."""
import http.client
import json
import unittest

from test_proxy_pass import ProxyFixture

NAME, EMAIL, SSN = "Jane Doe", "jane.doe@example.com", "123-45-6789"
VALUE = f"I am {NAME}, {EMAIL}, SSN {SSN}."
PLANTED = (NAME, EMAIL, SSN)
GEMINI = "/v1beta/models/gemini-2.0-flash:generateContent"


def user(content):
    return {"role": "user", "content": content}


def chat(*messages, **extra):
    return {"model": "m", "messages": list(messages), **extra}


def gemini(*contents, **extra):
    return {"contents": list(contents), **extra}


# (name, path, body): bodies a provider reads with VALUE as prompt text (or as text it stores and sends on)
ATTEMPTS = [
    # held before: escapes, shapes and unknown parts
    ("escaped content key", "/chat/completions",
     '{"model":"m","messages":[{"role":"user","con\\u0074ent":"%s"}]}' % VALUE),
    ("escaped role value", "/chat/completions",
     '{"model":"m","messages":[{"role":"\\u0075ser","content":"%s"}]}' % VALUE),
    ("content as an object", "/chat/completions", chat(user({"text": VALUE}))),
    ("unknown part type holding text", "/chat/completions",
     chat(user([{"type": "input_text", "text": VALUE}, {"type": "x", "x": {"text": VALUE}}]))),
    ("tool arguments: JSON in a string in a string", "/chat/completions", chat(
        {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {
            "name": "f", "arguments": json.dumps({"a": json.dumps({"b": VALUE})})}}]})),
    ("metadata, user, prediction, stop", "/chat/completions", chat(
        user("hi"), metadata={"k": VALUE}, user=VALUE, prediction={"type": "content", "content": VALUE},
        stop=[VALUE])),
    ("Ollama message thinking", "/chat/completions", chat({"role": "assistant", "content": "ok", "thinking": VALUE})),
    ("messages as one object", "/chat/completions", {"model": "m", "messages": user(VALUE)}),
    ("legacy completions prompt", "/completions", {"model": "m", "prompt": [VALUE]}),
    ("no known shape", "/embeddings", {"model": "m", "input": [VALUE], "extra": {"q": VALUE}}),
    ("Anthropic stop_sequences", "/messages",
     {"model": "c", "max_tokens": 5, "stop_sequences": [VALUE], "messages": [user("hi")]}),
    ("Anthropic batch params", "/messages/batches",
     {"requests": [{"custom_id": "a", "params": {"model": "c", "max_tokens": 5, "messages": [user(VALUE)]}}]}),
    ("Gemini embedContent", "/v1beta/models/text-embedding-004:embedContent",
     {"content": {"parts": [{"text": VALUE}]}}),
    ("Gemini countTokens generateContentRequest", "/v1beta/models/gemini-2.0-flash:countTokens",
     {"generateContentRequest": gemini({"role": "user", "parts": [{"text": VALUE}]})}),
    ("Gemini snake_case function_response", GEMINI, gemini(
        {"role": "function", "parts": [{"function_response": {"name": "f", "response": {"r": VALUE}}}]})),
    # leaked before: kept as a model's thinking, though the provider reads it
    ("reasoning_content of an assistant message (vLLM's Qwen3/DeepSeek-R1 templates render it)",
     "/chat/completions", chat(user("hi"), {"role": "assistant", "content": "ok", "reasoning_content": VALUE})),
    ("reasoning of an assistant message (OpenRouter, unsigned)", "/chat/completions",
     chat(user("hi"), {"role": "assistant", "content": "ok", "reasoning": VALUE})),
    ("reasoning_content on a user message", "/chat/completions", chat({**user("hi"), "reasoning_content": VALUE})),
    ("reasoning_details on a user message", "/chat/completions",
     chat({**user("hi"), "reasoning_details": [{"type": "reasoning.text", "text": VALUE}]})),
    ("thinking block in a user message", "/messages", {"model": "c", "max_tokens": 5, "messages": [
        user([{"type": "thinking", "thinking": VALUE, "signature": "c2ln"}])]}),
    ("OpenRouter reasoning.text part in a user message", "/chat/completions",
     chat(user([{"type": "reasoning.text", "text": VALUE}]))),
    ("a member beside a signed thinking block's own", "/messages", {"model": "c", "max_tokens": 5, "messages": [
        user("hi"), {"role": "assistant", "content": [
            {"type": "thinking", "thinking": "t", "signature": "c2ln", "text": VALUE}]}]}),
    ("unsigned thinking of an assistant message (a gateway renders it; nothing verifies it)", "/messages",
     {"model": "c", "max_tokens": 5, "messages": [user("hi"), {"role": "assistant", "content": [
         {"type": "thinking", "thinking": VALUE}, {"type": "thinking", "thinking": VALUE, "signature": ""}]}]}),
    ("Gemini thought flag on a user's part", GEMINI, gemini({"role": "user", "parts": [{"thought": True, "text": VALUE}]})),
    ("Gemini thought flag on a functionResponse", GEMINI, gemini(
        {"role": "function", "parts": [{"thought": True, "functionResponse": {"name": "f", "response": {"r": VALUE}}}]})),
    ("Gemini thought flag on a functionCall", GEMINI, gemini(
        {"role": "model", "parts": [{"thought": True, "functionCall": {"name": "f", "args": {"q": VALUE}}}]})),
    ("Gemini thought flag on executableCode", GEMINI, gemini(
        {"role": "user", "parts": [{"thought": True, "executableCode": {"language": "PYTHON", "code": VALUE}}]})),
    ("Responses reasoning item content (vLLM renders it into a gpt-oss prompt)", "/responses", {"model": "m", "input": [
        {"type": "reasoning", "id": "rs_1", "summary": [], "content": [{"type": "reasoning_text", "text": VALUE}]},
        {"role": "user", "content": "hi"}]}),
    # leaked before: Gemini's stop sequences were configuration, where OpenAI's and Anthropic's are scanned
    ("Gemini generationConfig.stopSequences", GEMINI, gemini(
        {"role": "user", "parts": [{"text": "hi"}]}, generationConfig={"stopSequences": [VALUE]})),
    ("Gemini generation_config.stop_sequences", GEMINI, gemini(
        {"role": "user", "parts": [{"text": "hi"}]}, generation_config={"stop_sequences": [VALUE]})),
]


class ScrubShapesTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def test_no_planted_value_reaches_the_provider(self):
        for name, path, body in ATTEMPTS:
            with self.subTest(name):
                raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                before = len(self.up.requests)
                resp, data = self.post(path, raw)
                if resp.status != 200:  # refused (fail closed): nothing may have left
                    self.assertGreaterEqual(resp.status, 400, data)
                    self.assertEqual(len(self.up.requests), before)
                    continue
                self.assertEqual(len(self.up.requests), before + 1)
                sent = self.up.requests[-1].body
                for value in PLANTED:
                    self.assertNotIn(value.encode(), sent, f"{name}: {value!r} reached the provider")
                json.loads(sent)  # still JSON the provider can read

    def test_tool_arguments_repeating_a_key_keep_their_keys_evidence(self):
        """A surname is found by the key above it (`last_name`): JSON arguments repeating a key were
        refused as JSON and scanned as text, without that evidence, and the surname reached the provider."""
        arguments = '{"last_name": "Doe", "ssn": "123456789", "last_name": "Doe"}'
        body = chat({"role": "assistant", "tool_calls": [
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": arguments}}]},
            {"role": "tool", "tool_call_id": "c", "content": arguments})
        resp, _ = self.post("/chat/completions", json.dumps(body).encode())
        self.assertEqual(resp.status, 200)
        sent = json.loads(self.up.requests[-1].body)["messages"]
        for text in (sent[0]["tool_calls"][0]["function"]["arguments"], sent[1]["content"]):
            self.assertNotIn("Doe", text)
            self.assertNotIn("123456789", text)

    def test_a_model_thought_and_signed_thinking_stay_as_sent(self):
        """What the fixes keep: a model part's thought text and an assistant's signed thinking (their
        signatures cover them), so a conversation passed back still verifies."""
        thought = gemini({"role": "user", "parts": [{"text": "hi"}]},
                         {"role": "model", "parts": [{"thought": True, "text": "Jane Doe asked", "thoughtSignature": "c2ln"}]})
        resp, _ = self.post(GEMINI, json.dumps(thought).encode())
        self.assertEqual(resp.status, 200)
        self.assertIn(b'"text": "Jane Doe asked"', self.up.requests[-1].body)
        thinking = {"model": "c", "max_tokens": 5, "messages": [user("hi"), {"role": "assistant", "content": [
            {"type": "thinking", "thinking": "Jane Doe asked", "signature": "c2ln"}, {"type": "text", "text": "ok"}]}]}
        resp, _ = self.post("/messages", json.dumps(thinking).encode())
        self.assertEqual(resp.status, 200)
        self.assertIn(b'"thinking": "Jane Doe asked"', self.up.requests[-1].body)

    def test_reasoning_in_an_answer_is_restored_like_its_content(self):
        """An answer's reasoning_content is now walked: its placeholders come back restored."""
        self.up.answer = ("json", 200, json.dumps({"choices": [{"index": 0, "message": {
            "role": "assistant", "content": "Hi <PERSON_1>", "reasoning_content": "greet <PERSON_1>"}}]}).encode())
        resp, data = self.post("/chat/completions", json.dumps(chat(user("I am Jane Doe."))).encode())
        self.assertEqual(resp.status, 200)
        self.assertNotIn(b"Jane Doe", self.up.requests[-1].body)
        message = json.loads(data)["choices"][0]["message"]
        self.assertEqual(message["reasoning_content"], "greet Jane Doe")
        self.assertEqual(message["content"], "Hi Jane Doe")



class ScrubMethodsAndTypesTest(ProxyFixture):
    """Held (no fix needed): a body under another method or media type is scrubbed or refused, never
    passed to the catch-all route, and attachments whose bytes cannot be read are refused."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "rest", "upstream": "UP/v1", "policy": "pass"}]

    def send(self, method, path, body, headers):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, data

    def assert_nothing_planted_left(self, what, status, before):
        if len(self.up.requests) == before:
            self.assertGreaterEqual(status, 400, what)
            return
        for value in PLANTED:
            self.assertNotIn(value.encode(), self.up.requests[-1].body, what)

    def test_methods_and_media_types(self):
        body = json.dumps(chat(user(VALUE))).encode()
        json_type = {"Content-Type": "application/json"}
        for method, headers in [("PUT", json_type), ("PATCH", json_type), ("GET", json_type), ("DELETE", json_type),
                                ("POST", {"Content-Type": "text/plain"}),
                                ("POST", {"Content-Type": "application/x-www-form-urlencoded"}),
                                ("POST", {"Content-Type": "Application/JSON; charset=utf-8"}), ("POST", {})]:
            with self.subTest(method=method, headers=headers):
                before = len(self.up.requests)
                status, _ = self.send(method, "/chat/completions?stream=true", body, headers)
                self.assert_nothing_planted_left((method, headers), status, before)

    def test_attachments_holding_plain_text_are_refused(self):
        text = f"data:text/plain,{VALUE}"
        for part in ({"type": "file", "file": {"file_data": text, "filename": "a.txt"}},
                     {"type": "file", "file": {"file_data": VALUE, "filename": "a.txt"}},
                     {"type": "input_audio", "input_audio": {"data": VALUE, "format": "wav"}},
                     {"type": "image_url", "image_url": {"url": text}}):
            with self.subTest(part=part["type"]):
                before = len(self.up.requests)
                resp, _ = self.post("/chat/completions", json.dumps(chat(user([part]))).encode())
                self.assert_nothing_planted_left(part, resp.status, before)


if __name__ == "__main__":
    unittest.main()
