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


def _same_type_overlap(spans: list) -> bool:
    """Whether two spans of one type share a character (what intersects() > 0 means)."""
    by_type = {}
    for span in spans:
        by_type.setdefault(span.entity_type, []).append(span)
    for group in by_type.values():
        group.sort(key=lambda x: (x.start, x.end))
        reach = None
        for span in group:
            if span.start < span.end:
                if reach is not None and span.start < reach:
                    return True
                reach = span.end if reach is None else max(reach, span.end)
    return False


def _drop_contained(merged: list) -> list:
    """The second step of resolve_conflicts in O(n log n): a span goes when another strictly contains it
    (a chain of drops always ends at a span still there that contains it too); spans of one extent are
    settled among themselves as Presidio's loop does (the last of the best score stays)."""
    by_start = {}
    for span in merged:
        by_start.setdefault(span.start, []).append(span.end)
    best_before, reach = {}, None  # largest end among spans starting strictly before each start
    for start in sorted(by_start):
        best_before[start] = reach
        top = max(by_start[start])
        reach = top if reach is None else max(reach, top)
        by_start[start] = top
    groups, candidates = {}, []
    for span in merged:
        before = best_before[span.start]
        if (before is not None and before >= span.end) or by_start[span.start] > span.end:
            continue  # strictly contained
        groups.setdefault((span.start, span.end), []).append(span)
        candidates.append(span)
    kept = set()
    for group in groups.values():
        others = list(group)
        for span in group:
            _remove(others, span)
            if not any(span.score <= o.score for o in others):
                others.append(span)
                kept.add(id(span))
    return [span for span in candidates if id(span) in kept]


def resolve_conflicts(spans: list) -> list:
    """Same-type intersecting spans merge into one (widest extent, highest score); then a span contained
    in another, or equal to one scoring at least as high, is dropped. The input order is kept.
    Presidio's loops compare every span with every other (20 000 spans took minutes); the same results
    come from sorting when no two spans of one type overlap (the merge step then changes nothing), and
    the drop step always sorts."""
    try:
        fast = not _same_type_overlap(spans)
    except TypeError:  # an entity_type that is no string (a list): Presidio's loops as written
        fast = False
    if fast:
        return _drop_contained(list(spans))
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
    return _drop_contained(merged)


def merge_space_separated(text: str, spans: list) -> list:
    out, prev = [], None
    for span in spans:
        if prev is not None and prev.entity_type == span.entity_type and _SPACES.search(text[prev.end:span.start]):
            out.pop()  # prev, the last one in
            span.start = prev.start
        out.append(span)
        prev = span
    return out


def operate(text: str, spans: list, config_for: Callable, table: dict, state) -> dict:
    """Applies each span's operator from the last span to the first. config_for(entity_type) gives the
    OperatorConfig or None. Returns {"text", "items"} with items last-first, as Presidio answers."""
    # The output is text[:last] followed by the pieces written so far (kept last-first): each span only
    # changes what lies at or after its start, so the text is never copied once per span.
    length = len(text)
    last, pieces, tail_len = length, [], 0
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
        if span.end < last:
            pieces.append(text[span.end:last])
            tail_len += last - span.end
        items.append((tail_len + len(changed), span.entity_type, changed, config.name))
        pieces.append(changed)
        tail_len += len(changed)
        last = span.start
    output = text[:last] + "".join(reversed(pieces))
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
