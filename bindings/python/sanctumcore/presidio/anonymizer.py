"""presidio-anonymizer's REST service: POST /anonymize, /deanonymize, GET /anonymizers, /deanonymizers,
/health, with Presidio's checks, messages and status codes (InvalidParamError 422, bad JSON 400, custom
operator 400, anything unexpected 500 "Internal server error").

Beyond Presidio, the `sanctum` operator replaces each entity with a numbered placeholder <TYPE_N> (the
same value, the same number) from a core session, and the answer carries `sanctum_mapping`: the session's
mapping sealed under this service's key (XChaCha20-Poly1305, base64). POST /deanonymize with
{"deanonymizers": {"DEFAULT": {"type": "sanctum", "mapping": ...}}} restores the placeholders anywhere
in the text, such as a model's answer."""
from __future__ import annotations

import base64
import binascii
import re
from typing import Optional

from aiohttp import web

from .._core import SanctumError, Status
from ..detect import ENTITY_TYPES, Detector
from ..session import Session
from . import engine, http
from . import operators as ops

_PLACEHOLDER = re.compile(r"<([A-Z_]+)_([0-9]+)>")
# Text the session would take for a placeholder (any case, brackets optional): escaped only when present.
_LITERAL = re.compile(r"(?i)(?:" + "|".join(ENTITY_TYPES) + r")_[0-9]")
# Presidio's names for types the core knows under another (the analyzer reports routing numbers so).
_CORE_TYPE = {"ABA_ROUTING_NUMBER": "US_BANK_NUMBER"}
# A lone surrogate (half an emoji a client sliced off) cannot go to the core as UTF-8; placeholders are
# ASCII, so the text is restored piece by piece around them.
_LONE_SURROGATE = re.compile("([\ud800-\udfff])")


class SanctumNumbering:
    """One session per request: numbers the `sanctum` spans in text order, seals the mapping."""

    def __init__(self, ctx, spans: list, text: str):
        pairs = [(s.entity_type, text[s.start:s.end]) for s in sorted(spans, key=lambda s: (s.start, s.end))
                 if _CORE_TYPE.get(s.entity_type, s.entity_type) in ENTITY_TYPES and s.end > s.start]
        self.detector = self.session = None
        self.placeholders = {}
        try:
            types = sorted({_CORE_TYPE.get(t, t) for t, _ in pairs}) or ["PERSON"]
            self.detector = Detector(ctx, threshold=1.0, entities=types,
                                     deny=[(_CORE_TYPE.get(t, t), v) for t, v in pairs])
            self.session = Session(ctx, self.detector)
            for entity_type, value in pairs:
                if (entity_type, value) in self.placeholders:
                    continue
                out = self.session.anonymize_text(value)
                m = _PLACEHOLDER.fullmatch(out)
                if m is None or m.group(1) != _CORE_TYPE.get(entity_type, entity_type):
                    raise ops.InvalidParam(f"Invalid input, the sanctum operator could not number a {entity_type} "
                                           "entity")
                self.placeholders[(entity_type, value)] = out
        except SanctumError as e:
            self.close()
            raise ops.InvalidParam(f"Invalid input, sanctum operator: {e.message}") from None
        except Exception:
            self.close()
            raise

    def placeholder(self, entity_type: str, value: str) -> str:
        # Types the core does not know get Presidio's default replacement (not restorable).
        return self.placeholders.get((entity_type, value), f"<{entity_type}>")

    def escape_literals(self, result: dict) -> None:
        """Text between the replaced spans that restore could mistake for a placeholder is itself replaced
        by a placeholder (restored verbatim later) and listed in items like any other replacement (the
        caller sees every place the text changed); item offsets after it move accordingly."""
        text, items = result["text"], result["items"]
        bounds = sorted((it["start"], it["end"]) for it in items)
        gaps, pos = [], 0
        for start, end in bounds:
            gaps.append((pos, start))
            pos = max(pos, end)
        gaps.append((pos, len(text)))
        for a, b in reversed(gaps):
            if b <= a or not _LITERAL.search(text, a, b):
                continue
            old = text[a:b]
            new = self.session.anonymize_text(old)
            delta = len(new) - (b - a)
            text = text[:a] + new + text[b:]
            for it in items:
                if it["start"] >= b:
                    it["start"] += delta
                    it["end"] += delta
            for start, end in self._changed(old, new):
                items.append({"start": a + start, "end": a + end, "entity_type": new[start + 1:end - 1].rpartition("_")[0],
                              "text": new[start:end], "operator": "sanctum"})
        items.sort(key=lambda it: it["start"], reverse=True)  # last first, as Presidio lists them
        result["text"] = text

    def _changed(self, old: str, new: str):
        """(start, end) in `new` of each placeholder the session put in place of text of `old`, in one
        pass (a diff of the two would be quadratic in the gap's length): the text between placeholders is
        kept as it was, and what each placeholder stands for is what the session restores it to. A
        placeholder `old` already held at that place (one the session did not issue) is no change."""
        out, i, j, originals = [], 0, 0, {}
        for m in _PLACEHOLDER.finditer(new):
            kept = m.start() - j
            if old[i:i + kept] != new[j:m.start()]:
                break  # not aligned (never expected): every later placeholder is listed below
            i += kept
            ph = m.group(0)
            orig = originals.get(ph)
            if orig is None:
                orig = originals[ph] = self.session.restore_text(ph)
            if orig != ph and old.startswith(orig, i):
                out.append((m.start(), m.end()))
                i += len(orig)
            elif old.startswith(ph, i):
                i += len(ph)
            else:
                break
            j = m.end()
        else:
            return out
        return out + [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(new, j)]

    def seal(self, key: bytes) -> str:
        return base64.b64encode(self.session.seal(key)).decode()

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
        if self.detector is not None:
            self.detector.close()


class Anonymizer:
    def __init__(self, ctx, vault_key: bytes, default_operator: str = "replace"):
        """default_operator: what entities without an operator get (Presidio: replace); "sanctum" gives
        callers that send no `anonymizers` (LiteLLM) numbered placeholders and a mapping."""
        if default_operator not in ("replace", "sanctum"):
            raise ValueError("default_operator must be replace or sanctum")
        self.ctx = ctx
        self.vault_key = vault_key
        self.default_operator = default_operator

    def anonymize(self, content) -> dict:
        if not content:
            raise http.RequestError("Invalid request json", 400)
        if not isinstance(content, dict):
            raise http.RequestError("Internal server error", 500)
        configs = ops.configs_from_json(content.get("anonymizers"))
        if any(c.name == "custom" for c in configs.values()):
            raise http.RequestError("Custom type anonymizer is not supported", 400)
        raw = content.get("analyzer_results")
        if raw is None:
            raise ops.InvalidParam("Invalid input, request must contain analyzer results")
        if not isinstance(raw, list):
            raise http.RequestError("Internal server error", 500)
        spans = [engine.Span.from_json(r, need_score=True) for r in raw]
        text = content.get("text", "")
        if not isinstance(text, str):
            raise http.RequestError("Internal server error", 500)
        try:
            spans = engine.merge_space_separated(text, engine.resolve_conflicts(spans))
        except TypeError:
            raise http.RequestError("Internal server error", 500) from None
        config_for = engine.config_lookup(configs, ops.OperatorConfig(self.default_operator, {}))
        sanctum_spans = [s for s in spans if (config_for(s.entity_type).name == "sanctum")]
        numbering = SanctumNumbering(self.ctx, sanctum_spans, text) if sanctum_spans else None
        try:
            result = engine.operate(text, spans, config_for, ops.ANONYMIZE_OPS, numbering)
            if numbering is not None:
                numbering.escape_literals(result)
                result["sanctum_mapping"] = numbering.seal(self.vault_key)
        finally:
            if numbering is not None:
                numbering.close()
        return result

    def deanonymize(self, content) -> dict:
        if not content:
            raise http.RequestError("Invalid request json", 400)
        if not isinstance(content, dict):
            raise http.RequestError("Internal server error", 500)
        text = content.get("text", "")
        if not isinstance(text, str):
            raise http.RequestError("Internal server error", 500)
        raw = content.get("anonymizer_results") or []
        if not isinstance(raw, list):
            raise http.RequestError("Internal server error", 500)
        spans = [engine.Span.from_json(r, need_score=False) for r in raw]
        configs = ops.configs_from_json(content.get("deanonymizers"))
        mapping = next((c.params.get("mapping") for c in configs.values() if c.name == "sanctum"), None)
        span_configs = {k: c for k, c in configs.items() if c.name != "sanctum"}
        # Spans whose operator is sanctum are restored with the whole text below.
        spans = [s for s in spans if (configs.get(s.entity_type) or configs.get("DEFAULT") or
                                      ops.OperatorConfig("-", {})).name != "sanctum"]
        keep = ops.OperatorConfig("deanonymize_keep", {}) if mapping is not None else None
        result = engine.operate(text, spans, engine.config_lookup(span_configs, keep), ops.DEANONYMIZE_OPS, None)
        if any(c.name == "sanctum" for c in configs.values()):
            result["text"] = self._restore(result["text"], mapping)
        return result

    def _restore(self, text: str, mapping) -> str:
        if not isinstance(mapping, str) or not mapping:
            raise ops.InvalidParam("Expected parameter mapping")
        try:
            sealed = base64.b64decode(mapping, validate=True)
        except (binascii.Error, ValueError):
            raise ops.InvalidParam("Invalid input, mapping is not base64") from None
        try:
            session = Session.open_sealed(self.ctx, self.vault_key, sealed)
        except SanctumError as e:
            if e.status in (Status.TAMPERED, Status.PARSE, Status.UNSUPPORTED):
                raise ops.InvalidParam("Invalid input, mapping was not issued by this service or was modified") \
                    from None
            raise
        try:
            return "".join(session.restore_text(part) if i % 2 == 0 else part
                           for i, part in enumerate(_LONE_SURROGATE.split(text)))
        finally:
            session.close()

    # --- routes ---

    def routes(self, worker: http.Worker, max_body: int, body_timeout: Optional[float] = None) -> list:
        def endpoint(fn):
            async def handler(request: web.Request) -> web.Response:
                try:
                    body = await http.read_json(request, max_body, body_timeout)
                    answer = await worker.run(fn, body)
                except http.RequestError as e:
                    return http.error_response(e.message, e.status)
                except Exception as e:  # Presidio's catch-all; the log names the type, never the text
                    http.log.error("anonymizer: unexpected %s", type(e).__name__)
                    return http.error_response("Internal server error", 500)
                return http.json_response(answer)
            return handler

        async def anonymizers(request: web.Request) -> web.Response:
            return http.json_response(list(ops.ANONYMIZERS))

        async def deanonymizers(request: web.Request) -> web.Response:
            return http.json_response(list(ops.DEANONYMIZERS))

        async def health(request: web.Request) -> web.Response:
            return http.text_response("Presidio Anonymizer service is up")

        return [web.post("/anonymize", endpoint(self.anonymize)), web.post("/deanonymize", endpoint(self.deanonymize)),
                web.get("/anonymizers", anonymizers), web.get("/deanonymizers", deanonymizers),
                web.get("/health", health)]
