"""presidio-anonymizer's engine: spans from JSON (with its validation), conflict resolution
(MERGE_SIMILAR_OR_CONTAINED), merging same-type neighbours separated only by spaces, and operating from
the last span to the first with items reported in that order, offsets counted in the output text."""
from __future__ import annotations

import re
from typing import Callable, Optional

from . import operators as ops
from .http import RequestError

_SPACES = re.compile(r"^( )+$")


class Span:
    __slots__ = ("start", "end", "entity_type", "score")

    def __init__(self, start, end, entity_type, score=None):
        self.start, self.end, self.entity_type, self.score = start, end, entity_type, score

    @classmethod
    def from_json(cls, data, need_score: bool) -> "Span":
        if not isinstance(data, dict):
            raise RequestError("Internal server error", 500)
        start, end, entity_type = data.get("start"), data.get("end"), data.get("entity_type")
        # PIIEntity's checks, in its order and words.
        ops.validate_exists(start, "result", "start")
        ops.validate_type(start, "start", int)
        ops.validate_exists(end, "result", "end")
        ops.validate_type(end, "end", int)
        ops.validate_not_empty(entity_type, "result", "entity_type")
        if not isinstance(start, int) or not isinstance(end, int):
            raise RequestError("Internal server error", 500)
        if start < 0 or end < 0:
            raise ops.InvalidParam("Invalid input, result start and end must be positive")
        if start > end:
            raise ops.InvalidParam(f"Invalid input, start index '{start}' must be smaller than end index '{end}'")
        score = data.get("score")
        if need_score:
            ops.validate_exists(score, "analyzer result", "score")
        return cls(start, end, entity_type, score)

    def intersects(self, other: "Span") -> int:
        if self.end < other.start or other.end < self.start:
            return 0
        return min(self.end, other.end) - max(self.start, other.start)

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and self.end >= other.end

    def has_conflict(self, other: "Span") -> bool:
        if self.start == other.start and self.end == other.end:
            return self.score <= other.score
        return other.contains(self)


def _remove(items: list, item) -> None:
    for i, x in enumerate(items):
        if x is item:
            del items[i]
            return


def resolve_conflicts(spans: list) -> list:
    """Same-type intersecting spans merge into one (widest extent, highest score); then a span contained
    in another, or equal to one scoring at least as high, is dropped. The input order is kept."""
    merged, others = [], list(spans)
    for span in spans:
        _remove(others, span)
        absorbed = False
        for other in others:
            if other.entity_type != span.entity_type or span.intersects(other) == 0:
                continue
            other.start = min(span.start, other.start)
            other.end = max(span.end, other.end)
            other.score = max(span.score, other.score)
            absorbed = True
            break
        if not absorbed:
            others.append(span)
            merged.append(span)
    unique, others = [], list(merged)
    for span in merged:
        _remove(others, span)
        if not any(span.has_conflict(o) for o in others):
            others.append(span)
            unique.append(span)
    return unique


def merge_space_separated(text: str, spans: list) -> list:
    out, prev = [], None
    for span in spans:
        if prev is not None and prev.entity_type == span.entity_type and _SPACES.search(text[prev.end:span.start]):
            _remove(out, prev)
            span.start = prev.start
        out.append(span)
        prev = span
    return out


def operate(text: str, spans: list, config_for: Callable, table: dict, state) -> dict:
    """Applies each span's operator from the last span to the first. config_for(entity_type) gives the
    OperatorConfig or None. Returns {"text", "items"} with items last-first, as Presidio answers."""
    length = len(text)
    output, last = text, length
    items = []
    for span in sorted(spans, key=lambda s: (s.start, s.end), reverse=True):
        if length < span.start or span.end > length:
            raise ops.InvalidParam(f"Invalid analyzer result, start: {span.start} and end: {span.end}, "
                                   f"while text length is only {length}.")
        original = text[span.start:span.end]
        config = config_for(span.entity_type)
        if config is None:
            raise RequestError("Internal server error", 500)
        check, run = ops.lookup(table, config.name)
        check(config.params)
        config.params["entity_type"] = span.entity_type
        changed = run(original, config.params, span.entity_type, state)
        cut = min(span.end, last)
        last = span.start
        after = output[cut:]
        output = output[:span.start] + changed + after
        items.append((len(after) + len(changed), span.entity_type, changed, config.name))
    final_len = len(output)
    result_items = []
    for from_end, entity_type, changed, name in items:
        start = final_len - from_end
        result_items.append({"start": start, "end": start + len(changed), "entity_type": entity_type,
                             "text": changed, "operator": name})
    return {"text": output, "items": result_items}


def config_lookup(configs: dict, default: Optional[ops.OperatorConfig]) -> Callable:
    def find(entity_type):
        return configs.get(entity_type) or configs.get("DEFAULT") or default
    return find
