"""presidio-analyzer's REST service: POST /analyze, GET /recognizers, /supportedentities, /health.

Request handling follows Presidio's app.py and AnalyzerEngine: the same checks in the same order, the
same errors and status codes, results de-duplicated and ordered as remove_duplicates orders them (score
descending, then start, then longer first), keys sorted, analysis_explanation null unless
return_decision_process. Offsets are code points (Python str indices)."""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from aiohttp import web

from .._core import SanctumError, Status
from ..detect import ENTITY_TYPES, Detector
from ..pattern import PatternFlag, PatternSet
from . import http
from .recognizers import (DEFAULT_REGEX_FLAGS, AdHocRecognizer, boosted, run_ad_hoc, supportive_word,
                          words_before)

LANGUAGES = ("en",)
# Presidio's AbaRoutingRecognizer reports ABA_ROUTING_NUMBER; our detector types a routing number
# US_BANK_NUMBER (recognizer aba_routing). Here it has Presidio's name, and US_BANK_NUMBER means
# account numbers only, as Presidio's UsBankRecognizer.
ABA = "ABA_ROUTING_NUMBER"
SUPPORTED_ENTITIES = tuple(e for t in ENTITY_TYPES for e in ((t, ABA) if t == "US_BANK_NUMBER" else (t,)))
NO_RECOGNIZERS = "No matching recognizers were found to serve the request."

# Presidio's recognizer names for ours (GET /recognizers, analysis_explanation.recognizer).
RECOGNIZER_NAMES = {
    "deny_list": "SanctumDenyListRecognizer", "email": "EmailRecognizer", "phone_nanp": "PhoneRecognizer",
    "phone_intl": "PhoneRecognizer", "credit_card": "CreditCardRecognizer", "us_ssn": "UsSsnRecognizer",
    "aba_routing": "AbaRoutingRecognizer", "bank_account": "UsBankRecognizer", "iban": "IbanRecognizer",
    "person": "SanctumPersonRecognizer",
}
# Presidio's context words per entity: request-level `context` raises a built-in result that our own
# context rules did not already raise.
CONTEXT_WORDS = {
    "EMAIL_ADDRESS": ["email"],
    "PHONE_NUMBER": ["phone", "number", "telephone", "cell", "cellphone", "mobile", "call"],
    "CREDIT_CARD": ["credit", "card", "visa", "mastercard", "cc", "amex", "discover", "jcb", "diners",
                    "maestro", "instapayment"],
    "US_SSN": ["social", "security", "ssn", "ssns", "ssid"],
    "US_BANK_NUMBER": ["check", "account", "account#", "acct", "bank", "save", "debit"],
    ABA: ["aba", "routing", "abarouting", "association", "bankrouting"],
    "IBAN_CODE": ["iban", "bank", "transaction"],
    "PERSON": [],
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads joins the valid pairs: what is left is lone


@dataclasses.dataclass
class Result:
    entity_type: str
    start: int
    end: int
    score: float
    explanation: dict

    def to_dict(self, explain: bool) -> dict:
        return {"analysis_explanation": self.explanation if explain else None, "end": self.end,
                "entity_type": self.entity_type, "score": self.score, "start": self.start}


def _explanation(recognizer: str, pattern_name: Optional[str], pattern: Optional[str], score: float,
                 text: str, validated: Optional[bool], flags: Optional[int]) -> dict:
    return {"original_score": score, "pattern": pattern, "pattern_name": pattern_name, "recognizer": recognizer,
            "regex_flags": flags, "score": score, "score_context_improvement": 0,
            "supportive_context_word": "", "textual_explanation": text, "validation_result": validated}


def _improve(result: Result, word: str, new_score: float) -> None:
    result.explanation["score_context_improvement"] = round(new_score - result.score, 4)
    result.explanation["supportive_context_word"] = word
    result.explanation["score"] = new_score
    result.score = new_score


def remove_duplicates(results: list, disjoint: bool = False) -> list:
    """Presidio's EntityRecognizer.remove_duplicates: highest score first; a result equal to or contained
    in a kept result of the same type is dropped; score 0 is dropped. disjoint: no two results overlap
    (the detector's own output), so only the ordering applies."""
    ordered = sorted(results, key=lambda r: (-r.score, r.start, -(r.end - r.start)))
    if disjoint:
        return [r for r in ordered if r.score != 0]
    kept, by_type = [], {}
    for r in ordered:
        if r.score == 0:
            continue
        same = by_type.setdefault(r.entity_type, [])
        if any(k.start <= r.start and r.end <= k.end for k in same):
            continue
        same.append(r)
        kept.append(r)
    return kept


@dataclasses.dataclass
class AnalyzeRequest:
    text: object
    language: object
    entities: Optional[list]
    correlation_id: object
    score_threshold: Optional[float]
    return_decision_process: bool
    ad_hoc: list
    context: list
    allow_list: Optional[list]
    allow_list_match: str
    regex_flags: int

    @classmethod
    def parse(cls, body) -> "AnalyzeRequest":
        if not isinstance(body, dict):
            # Presidio's AnalyzerRequest calls body.get(): an AttributeError, answered with 500.
            raise http.RequestError(f"'{type(body).__name__}' object has no attribute 'get'", 500)
        ad_hoc = [AdHocRecognizer.from_dict(r) for r in body.get("ad_hoc_recognizers") or []]
        threshold = body.get("score_threshold")
        if threshold is not None and (not isinstance(threshold, (int, float)) or isinstance(threshold, bool)):
            raise http.RequestError("Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                                    f"'>=' not supported between instances of 'float' and "
                                    f"'{type(threshold).__name__}'", 400)
        entities = body.get("entities")
        if entities is not None and (not isinstance(entities, list) or not all(isinstance(e, str) for e in entities)):
            raise http.RequestError("Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                                    "entities must be a list of strings", 400)
        context = body.get("context") or []
        allow = body.get("allow_list")
        flags = body.get("regex_flags", DEFAULT_REGEX_FLAGS)
        return cls(text=body.get("text"), language=body.get("language"), entities=entities or None,
                   correlation_id=body.get("correlation_id"), score_threshold=threshold,
                   return_decision_process=bool(body.get("return_decision_process")), ad_hoc=ad_hoc,
                   context=[str(w).lower() for w in context] if isinstance(context, list) else [],
                   allow_list=allow if isinstance(allow, list) else None,
                   allow_list_match=body.get("allow_list_match", "exact"),
                   regex_flags=flags if isinstance(flags, int) else DEFAULT_REGEX_FLAGS)


def _batch_items(texts: list) -> list:
    out = []
    for t in texts:
        if t and not isinstance(t, (int, float, bool, str)):
            raise http.RequestError("Analyzer.analyze_iterator only works on primitive types (int, float, bool, "
                                    "str). Lists of objects are not yet supported.", 500)
        out.append(t if isinstance(t, str) else str(t))
    return out


class Analyzer:
    def __init__(self, ctx, match_limit: int = 0):
        self.ctx = ctx
        self.match_limit = match_limit

    # --- the engine (synchronous: runs on a worker thread) ---

    def analyze(self, body) -> object:
        req = AnalyzeRequest.parse(body)
        if not req.text:
            raise http.RequestError("No text provided", 500)
        batch = isinstance(req.text, list)
        if not batch and not isinstance(req.text, str):
            raise http.RequestError("Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                                    "text must be a string or a list of strings", 400)
        if not req.language:
            raise http.RequestError("No language provided", 500)
        if req.language not in LANGUAGES:
            raise http.RequestError(NO_RECOGNIZERS, 500)
        if req.allow_list_match not in ("exact", "regex"):
            raise http.RequestError("allow_list_match must either be set to 'exact' or 'regex'.", 500)
        builtin, ad_hoc = self._recognizers(req)
        detector = Detector(self.ctx, threshold=0.0, entities=builtin) if builtin else None
        try:
            texts = _batch_items(req.text) if batch else [req.text]
            answers = [self._analyze_one(t, req, detector, ad_hoc) for t in texts]
        finally:
            if detector is not None:
                detector.close()
        return answers if batch else answers[0]

    def _recognizers(self, req: AnalyzeRequest):
        ad_hoc = [r for r in req.ad_hoc if r.language == req.language]
        if req.entities is None:
            return list(ENTITY_TYPES), ad_hoc
        builtin = [e for e in ENTITY_TYPES if e in req.entities or (e == "US_BANK_NUMBER" and ABA in req.entities)]
        ad_hoc = [r for r in ad_hoc if r.entity in req.entities]
        if not builtin and not ad_hoc:
            raise http.RequestError(NO_RECOGNIZERS, 500)
        return builtin, ad_hoc

    def _analyze_one(self, text: str, req: AnalyzeRequest, detector, ad_hoc: list) -> list:
        if not text:
            return []
        # Presidio analyses any Python str, lone surrogates included (a JS client that sliced an emoji
        # in two sends one). Each stands in for one U+FFFD, one index too, so offsets stay Python's.
        original, text = text, _LONE_SURROGATE.sub("\ufffd", text)
        try:
            results = self._builtin(text, req, detector) if detector is not None else []
            disjoint = True
            for m in run_ad_hoc(self.ctx, ad_hoc, text, req.regex_flags, self.match_limit):
                r = Result(m.entity, m.start, m.end, m.score,
                           _explanation(m.recognizer, m.pattern_name, m.pattern, m.score,
                                        f"Detected by `{m.recognizer}` using pattern `{m.pattern_name}`", None,
                                        req.regex_flags))
                word = supportive_word(words_before(text, m.start) + req.context, m.context)
                if word:
                    _improve(r, word, boosted(r.score))
                results.append(r)
                disjoint = False
        except SanctumError as e:
            raise http.RequestError(self._core_message(e), 400 if e.status == Status.UTF8 else 500) from None
        results = remove_duplicates(results, disjoint)
        threshold = req.score_threshold if req.score_threshold is not None else 0
        results = [r for r in results if r.score >= threshold]
        if req.allow_list:
            results = self._remove_allowed(results, original, req)
        return [r.to_dict(req.return_decision_process) for r in results]

    @staticmethod
    def _core_message(e: SanctumError) -> str:
        if e.status == Status.UTF8:
            return "text is not valid Unicode (a lone surrogate?)"
        return e.message

    def _builtin(self, text: str, req: AnalyzeRequest, detector) -> list:
        out = []
        for e in detector.detect(text):
            entity_type = ABA if e.recognizer == "aba_routing" else e.type
            if e.score <= 0 or (req.entities is not None and entity_type not in req.entities):
                continue
            name = RECOGNIZER_NAMES.get(e.recognizer, e.recognizer)
            r = Result(entity_type, e.start, e.end, e.score,
                       _explanation(name, e.recognizer, None, e.score,
                                    "sanctum " + e.recognizer + ": " + ", ".join(e.evidence),
                                    True if "validator" in e.evidence else None, None))
            if req.context and not ({"context_before", "context_after"} & set(e.evidence)):
                word = supportive_word(req.context, CONTEXT_WORDS.get(entity_type, []))
                if word:
                    _improve(r, word, boosted(r.score))
            out.append(r)
        return out

    def _remove_allowed(self, results: list, text: str, req: AnalyzeRequest) -> list:
        if req.allow_list_match == "exact":
            allowed = set(req.allow_list)
            return [r for r in results if text[r.start:r.end] not in allowed]
        # regex: one alternation searched in each result's text, with the core's PCRE2 under its limits.
        pset = PatternSet(self.ctx, self.match_limit)
        try:
            pset.add("|".join(f"(?:{p})" for p in req.allow_list), PatternFlag.from_python(req.regex_flags))
            return [r for r in results if not pset.match(text[r.start:r.end], 1)]
        finally:
            pset.close()

    def recognizer_names(self) -> list:
        return list(dict.fromkeys(RECOGNIZER_NAMES.values()))

    # --- routes ---

    def routes(self, worker: http.Worker, max_body: int, body_timeout: Optional[float] = None) -> list:
        async def analyze(request: web.Request) -> web.Response:
            try:
                body = await http.read_json(request, max_body, body_timeout)
                answer = await worker.run(self.analyze, body)
            except http.RequestError as e:
                return http.error_response(e.message, e.status)
            except SanctumError as e:  # core messages never quote the input
                return http.error_response(e.message, 500)
            except Exception as e:
                http.log.error("analyzer: unexpected %s", type(e).__name__)
                return http.error_response("Internal server error", 500)
            return http.json_response(answer, sort_keys=True)

        async def recognizers(request: web.Request) -> web.Response:
            language = request.query.get("language")
            if language and language not in LANGUAGES:
                return http.error_response(NO_RECOGNIZERS, 500)
            return http.json_response(self.recognizer_names())

        async def supported(request: web.Request) -> web.Response:
            language = request.query.get("language")
            if language and language not in LANGUAGES:
                return http.error_response(NO_RECOGNIZERS, 500)
            return http.json_response(list(SUPPORTED_ENTITIES))

        async def health(request: web.Request) -> web.Response:
            return http.text_response("Presidio Analyzer service is up")

        return [web.post("/analyze", analyze), web.get("/recognizers", recognizers),
                web.get("/supportedentities", supported), web.get("/health", health)]
