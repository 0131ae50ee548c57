"""Presidio's ad-hoc pattern recognizers ({name, supported_entity, patterns: [{name, regex, score}],
context, deny_list, ...}) parsed as Presidio parses them and compiled into one core pattern set per
request, plus Presidio's context rule (a context word found in the 5 words before a match raises its
score by 0.35, to at least 0.4)."""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from ..pattern import PatternFlag, PatternSet
from .http import RequestError

CONTEXT_FACTOR = 0.35
CONTEXT_MIN_SCORE = 0.4
CONTEXT_WORDS_BEFORE = 5
# Presidio's global_regex_flags: re.DOTALL | re.MULTILINE | re.IGNORECASE.
DEFAULT_REGEX_FLAGS = 16 | 8 | 2

_RECOGNIZER_KEYS = ("supported_entity", "name", "supported_language", "patterns", "deny_list", "context",
                    "deny_list_score", "global_regex_flags", "version")
_PATTERN_KEYS = ("name", "regex", "score")
_WORD = re.compile(r"\w+")


def _parse_error(detail: str) -> RequestError:
    return RequestError(f"Failed to parse /analyze request for AnalyzerEngine.analyze(). {detail}", 400)


def _kwargs(cls: str, data, allowed: tuple, required: tuple) -> dict:
    """Presidio builds each object with cls(**data): unknown or missing keys are a TypeError (400)."""
    if not isinstance(data, dict):
        raise _parse_error(f"{cls}.from_dict() argument after ** must be a mapping, not {type(data).__name__}")
    for key in data:
        if key not in allowed:
            raise _parse_error(f"{cls}.__init__() got an unexpected keyword argument '{key}'")
    missing = [k for k in required if k not in data]
    if missing:
        names = " and ".join(f"'{k}'" for k in missing)
        plural = "s" if len(missing) > 1 else ""
        raise _parse_error(f"{cls}.__init__() missing {len(missing)} required positional argument{plural}: {names}")
    return data


@dataclasses.dataclass
class AdHocPattern:
    name: str
    regex: str
    score: float


@dataclasses.dataclass
class AdHocRecognizer:
    entity: str
    name: str
    language: str
    patterns: list
    context: list
    regex_flags: Optional[int]

    @classmethod
    def from_dict(cls, data) -> "AdHocRecognizer":
        data = _kwargs("PatternRecognizer", data, _RECOGNIZER_KEYS, ("supported_entity",))
        patterns = []
        for p in data.get("patterns") or []:
            p = _kwargs("Pattern", p, _PATTERN_KEYS, _PATTERN_KEYS)
            if not isinstance(p["regex"], str) or not isinstance(p["score"], (int, float)) or isinstance(p["score"], bool):
                raise _parse_error("Pattern regex must be a string and score a number")
            patterns.append(AdHocPattern(str(p["name"]), p["regex"], p["score"]))
        deny = data.get("deny_list") or []
        if not patterns and not deny:
            # Presidio raises ValueError here, which its app answers with 500.
            raise RequestError("Pattern recognizer should be initialized with patterns or with deny list", 500)
        if deny:
            if not all(isinstance(t, str) and t for t in deny):
                raise _parse_error("deny_list must be a list of non-empty strings")
            score = data.get("deny_list_score", 1.0)
            patterns.append(AdHocPattern("deny_list", deny_list_regex(deny), score))
        entity = data["supported_entity"]
        if not isinstance(entity, str) or not entity:
            raise _parse_error("supported_entity must be a non-empty string")
        context = data.get("context") or []
        flags = data.get("global_regex_flags")
        return cls(entity=entity, name=str(data.get("name") or "PatternRecognizer"),
                   language=str(data.get("supported_language") or "en"), patterns=patterns,
                   context=[str(w).lower() for w in context], regex_flags=flags if isinstance(flags, int) else None)


def _escape(term: str) -> str:
    # Every ASCII non-word character escaped is a literal in PCRE2 as in Python's re.escape.
    return "".join("\\" + c if c.isascii() and not (c.isalnum() or c == "_") else c for c in term)


def deny_list_regex(terms: list) -> str:
    """Presidio's deny-list pattern: any term, bounded by non-word characters or the text's ends."""
    return r"(?:^|(?<=\W))(" + "|".join(_escape(t) for t in terms) + r")(?:(?=\W)|$)"


@dataclasses.dataclass
class Match:
    entity: str
    start: int
    end: int
    score: float
    recognizer: str
    pattern_name: str
    pattern: str
    context: list


def run_ad_hoc(ctx, recognizers: list, text: str, request_flags: int, match_limit: int) -> list:
    """Every match of every pattern of recognizers over text (code-point offsets), empty ones skipped."""
    if not recognizers:
        return []
    pset = PatternSet(ctx, match_limit)
    index = []
    try:
        for rec in recognizers:
            flags = PatternFlag.from_python(rec.regex_flags if rec.regex_flags is not None else request_flags)
            for pat in rec.patterns:
                pset.add(pat.regex, flags)
                index.append((rec, pat))
        found = pset.match(text)
    finally:
        pset.close()
    out = []
    for i, start, end in found:
        rec, pat = index[i]
        if pat.score > 0:
            out.append(Match(rec.entity, start, end, pat.score, rec.name, pat.name, pat.regex, rec.context))
    return out


def words_before(text: str, start: int, count: int = CONTEXT_WORDS_BEFORE) -> list:
    return [w.lower() for w in _WORD.findall(text[:start])[-count:]]


def supportive_word(surrounding: list, context: list) -> str:
    """Presidio's substring rule: a recognizer context word inside any surrounding word."""
    for word in context:
        if word and any(word in s for s in surrounding):
            return word
    return ""


def boosted(score: float) -> float:
    return round(min(1.0, max(score + CONTEXT_FACTOR, CONTEXT_MIN_SCORE)), 4)
