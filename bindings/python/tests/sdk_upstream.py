"""Answers of a fake provider for the SDK test: it echoes the values it was sent (the placeholders on a
scrub route, the planted values on a pass route) in the text and in a tool call, in the wire format of
the API the path names, whole or streamed (split inside the placeholders)."""
from __future__ import annotations

import json
import re

PLANTED = {"PERSON": "Jane Doe", "EMAIL_ADDRESS": "jane.doe@example.com", "PHONE_NUMBER": "(514) 555-1234",
           "CREDIT_CARD": "4111 1111 1111 1111"}
PLACEHOLDER = re.compile(rb"<(PERSON|EMAIL_ADDRESS|PHONE_NUMBER|CREDIT_CARD)_\d+>")


def echoed(body: bytes) -> dict:
    """type -> what the upstream saw for it: the first placeholder of that type, else the planted value."""
    seen = {}
    for m in PLACEHOLDER.finditer(body):
        seen.setdefault(m.group(1).decode(), m.group().decode())
    for kind, value in PLANTED.items():
        if kind not in seen and value.encode() in body:
            seen[kind] = value
    return seen


def _pieces(text: str, size: int = 5) -> list:
    return [text[i:i + size] for i in range(0, len(text), size)]


def _sse(events, named=False) -> list:
    out = []
    for e in events:
        if isinstance(e, bytes):
            out.append(e)
        elif named:
            out.append(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n".encode())
        else:
            out.append(f"data: {json.dumps(e)}\n\n".encode())
    return out


def answer(method: str, path: str, body: bytes):
    seen = echoed(body)
    text = "Seen: " + ", ".join(seen[k] for k in PLANTED if k in seen) + "."
    args = {"name": seen.get("PERSON", ""), "email": seen.get("EMAIL_ADDRESS", "")}
    args_json = json.dumps(args)
    stream = b'"stream":true' in body.replace(b" ", b"") or "alt=sse" in path
    other = _other_endpoint(path, text)
    if other is not None:
        return other
    if path.endswith("/chat/completions"):
        req = json.loads(body)
        if req.get("response_format", {}).get("type") == "json_schema":
            text = args_json  # structured output: the content is the JSON document
        if req.get("n", 1) > 1 or len(req.get("tools", [])) > 1 or req.get("logprobs") or req.get("stream_options"):
            return _openai_chat_more(text, args_json, req)
        return _openai_chat(text, args_json, stream)
    if path.endswith("/responses"):
        return _responses(text, args_json, stream)
    if path.endswith("/messages") and b'"citations"' in body:  # a document with citations: cite it back
        cited = seen.get("PERSON", "")
        return ("json", 200, json.dumps({"id": "msg_1", "type": "message", "role": "assistant", "model": "m",
            "content": [{"type": "text", "text": text, "citations": [{"type": "char_location", "cited_text": cited,
                         "document_index": 0, "document_title": None, "start_char_index": 5,
                         "end_char_index": 5 + len(cited)}]}],
            "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}).encode())
    if path.endswith("/messages"):
        return _messages(text, args, stream)
    if ":generateContent" in path or ":streamGenerateContent" in path:
        return _gemini(text, args, stream)
    return ("json", 404, b'{"error":{"message":"unknown path"}}')


def _openai_chat(text, args_json, stream):
    call = {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": args_json}}
    if not stream:
        return ("json", 200, json.dumps({"id": "cc1", "object": "chat.completion", "created": 1, "model": "m",
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
                "role": "assistant", "content": text, "tool_calls": [call]}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode())
    base = {"id": "cc1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    ev = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}]
    ev += [{**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]} for p in _pieces(text)]
    ev.append({**base, "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
               "function": {"name": "lookup", "arguments": ""}}]}, "finish_reason": None}]})
    ev += [{**base, "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": p}}]},
            "finish_reason": None}]} for p in _pieces(args_json, 7)]
    ev.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
    return ("sse", 200, _sse(ev + [b"data: [DONE]\n\n"]))


def _responses(text, args_json, stream):
    msg = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
           "content": [{"type": "output_text", "text": text, "annotations": []}]}
    call = {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "lookup", "arguments": args_json,
            "status": "completed"}
    resp = {"id": "resp_1", "object": "response", "created_at": 1, "status": "completed", "model": "m",
            "output": [msg, call], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
            "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2}}
    if not stream:
        return ("json", 200, json.dumps(resp).encode())
    n = iter(range(1000))
    ev = [{"type": "response.created", "sequence_number": next(n),
           "response": {**resp, "status": "in_progress", "output": []}},
          {"type": "response.output_item.added", "sequence_number": next(n), "output_index": 0,
           "item": {**msg, "status": "in_progress", "content": []}},
          {"type": "response.content_part.added", "sequence_number": next(n), "output_index": 0, "item_id": "msg_1",
           "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}}]
    ev += [{"type": "response.output_text.delta", "sequence_number": next(n), "output_index": 0, "item_id": "msg_1",
            "content_index": 0, "delta": p} for p in _pieces(text)]
    ev += [{"type": "response.output_text.done", "sequence_number": next(n), "output_index": 0, "item_id": "msg_1",
            "content_index": 0, "text": text},
           {"type": "response.output_item.done", "sequence_number": next(n), "output_index": 0, "item": msg},
           {"type": "response.output_item.added", "sequence_number": next(n), "output_index": 1,
            "item": {**call, "status": "in_progress", "arguments": ""}}]
    ev += [{"type": "response.function_call_arguments.delta", "sequence_number": next(n), "output_index": 1,
            "item_id": "fc_1", "delta": p} for p in _pieces(args_json, 7)]
    ev += [{"type": "response.function_call_arguments.done", "sequence_number": next(n), "output_index": 1,
            "item_id": "fc_1", "arguments": args_json},
           {"type": "response.output_item.done", "sequence_number": next(n), "output_index": 1, "item": call},
           {"type": "response.completed", "sequence_number": next(n), "response": resp}]
    return ("sse", 200, _sse(ev, named=True))


def _messages(text, args, stream):
    content = [{"type": "text", "text": text}, {"type": "tool_use", "id": "toolu_1", "name": "lookup", "input": args}]
    msg = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m", "content": content,
           "stop_reason": "tool_use", "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}
    if not stream:
        return ("json", 200, json.dumps(msg).encode())
    args_json = json.dumps(args)
    ev = [{"type": "message_start", "message": {**msg, "content": [], "stop_reason": None}},
          {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}]
    ev += [{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}} for p in _pieces(text)]
    ev += [{"type": "content_block_stop", "index": 0},
           {"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "toolu_1",
            "name": "lookup", "input": {}}}]
    ev += [{"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": p}}
           for p in _pieces(args_json, 7)]
    ev += [{"type": "content_block_stop", "index": 1},
           {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 1}},
           {"type": "message_stop"}]
    return ("sse", 200, _sse(ev, named=True))


def _gemini(text, args, stream):
    def chunk(parts, finish=None):
        c = {"content": {"role": "model", "parts": parts}, "index": 0}
        if finish:
            c["finishReason"] = finish
        return {"candidates": [c], "modelVersion": "m",
                "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2}}
    call = {"functionCall": {"name": "lookup", "args": args}}
    if not stream:
        return ("json", 200, json.dumps(chunk([{"text": text}, call], "STOP")).encode())
    ev = [chunk([{"text": p}]) for p in _pieces(text)] + [chunk([call], "STOP")]
    return ("sse", 200, [f"data: {json.dumps(e)}\r\n\r\n".encode() for e in ev])


def _other_endpoint(path: str, text: str):
    """Endpoints other than chat that carry user text: what each answers (the text echoed where the API
    returns text), or None for the chat paths."""
    def ok(doc):
        return ("json", 200, json.dumps(doc).encode())
    if path.endswith("/embeddings"):
        return ok({"object": "list", "model": "m", "usage": {"prompt_tokens": 1, "total_tokens": 1},
                   "data": [{"object": "embedding", "index": i, "embedding": [0.1, 0.2]} for i in range(2)]})
    if path.endswith("/moderations"):
        return ok({"id": "modr_1", "model": "m", "results": [{"flagged": False, "categories": {},
                   "category_scores": {}, "category_applied_input_types": {}}]})
    if path.endswith("/v1/completions"):
        return ok({"id": "cmpl_1", "object": "text_completion", "created": 1, "model": "m",
                   "choices": [{"text": text, "index": 0, "logprobs": None, "finish_reason": "stop"}]})
    if path.endswith("/files"):
        return ok({"id": "file_1", "object": "file", "bytes": 1, "created_at": 1, "filename": "batch.jsonl",
                   "purpose": "batch", "status": "processed"})
    if path.endswith("/audio/transcriptions"):
        return ok({"text": text})
    if path.endswith("/messages/count_tokens"):
        return ok({"input_tokens": 12})
    if path.endswith("/messages/batches"):
        return ok({"id": "msgbatch_1", "type": "message_batch", "processing_status": "in_progress",
                   "request_counts": {"processing": 1, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0},
                   "created_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-02T00:00:00Z",
                   "ended_at": None, "cancel_initiated_at": None, "archived_at": None, "results_url": None})
    if ":countTokens" in path:
        return ok({"totalTokens": 12})
    if ":batchEmbedContents" in path or ":embedContent" in path:
        return ok({"embeddings": [{"values": [0.1, 0.2]}, {"values": [0.3, 0.4]}]})
    return None


def _openai_chat_more(text, args_json, req):
    """A chat answer with what the request asked for: n choices (streamed interleaved, token by token),
    one tool call per tool (streamed in turn), log probabilities, a closing usage chunk."""
    n, stream, tools = req.get("n", 1), req.get("stream", False), req.get("tools", [])
    calls = [{"id": f"call_{k}", "type": "function", "function": {"name": t["function"]["name"], "arguments": args_json}}
             for k, t in enumerate(tools)]
    lp = (lambda toks: {"content": [{"token": t, "logprob": -0.1, "bytes": list(t.encode()), "top_logprobs": []}
                                    for t in toks], "refusal": None}) if req.get("logprobs") else (lambda toks: None)
    if not stream:
        return ("json", 200, json.dumps({"id": "cc1", "object": "chat.completion", "created": 1, "model": "m",
            "choices": [{"index": i, "finish_reason": "stop", "logprobs": lp(_pieces(text)), "message": {
                "role": "assistant", "content": text, **({"tool_calls": calls} if calls else {})}} for i in range(n)],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode())
    base = {"id": "cc1", "object": "chat.completion.chunk", "created": 1, "model": "m"}

    def chunk(i, delta, finish=None, logprobs=None):
        return {**base, "choices": [{"index": i, "delta": delta, "finish_reason": finish, "logprobs": logprobs}]}
    ev = [chunk(i, {"role": "assistant", "content": ""}) for i in range(n)]
    for p in _pieces(text):
        ev += [chunk(i, {"content": p}, logprobs=lp([p])) for i in range(n)]
    for k, call in enumerate(calls):  # each call's head, then its arguments in pieces
        ev.append(chunk(0, {"tool_calls": [{"index": k, "id": call["id"], "type": "function",
                                            "function": {"name": call["function"]["name"], "arguments": ""}}]}))
        ev += [chunk(0, {"tool_calls": [{"index": k, "function": {"arguments": p}}]}) for p in _pieces(args_json, 3)]
    ev += [chunk(i, {}, "tool_calls" if calls else "stop") for i in range(n)]
    if req.get("stream_options", {}).get("include_usage"):
        ev.append({**base, "choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
    return ("sse", 200, _sse(ev + [b"data: [DONE]\n\n"]))
