"""The 06:15 job: `ledger check` over the configured ledger. Overdue and expired secrets alert (high);
due-soon ones are listed in one low-priority message. Each line says how the secret gets rotated."""
from __future__ import annotations

from .. import Context
from .ledgerio import open_ledger
from .util import OK, REPORTED, Message


def _how(cfg, secret) -> str:
    sc = cfg.secrets.get(secret.name)
    if secret.method == "api" and sc is not None and sc.provider:
        return f"api: the {cfg.schedule['rotate']} job will rotate it"
    locs = ", ".join(secret.locations) or "no locations recorded"
    hint = "" if sc is not None and sc.targets else " (no targets configured: add them under [secrets." + secret.name + "])"
    return f"manual: paste and propagate with `sanctum-jobs propagate {secret.name}`{hint}; locations: {locs}"


def _line(item, secret, how) -> str:
    state = "+".join(item["flags"])
    limit = f"limit {secret.max_age_days} d"
    if item["expires_at"] is not None:
        limit += f", hard expiry {item['expires_at']:%Y-%m-%d}"
    if item["days_over"] > 0:
        when = f"{item['days_over']} days over"
    else:
        when = f"{item['days_left']} days left"
    return f"{secret.name} ({secret.provider}) {state}: age {item['age_days']} d, {limit}, {when}; {how}"


def run_age_check(cfg, dry_run: bool = False, now=None):
    with Context() as ctx:
        led = open_ledger(ctx, cfg, read_only=True)
        rep = led.check(now=now)
        alerts, soon = [], []
        for item in rep["items"]:
            secret = led.show(item["name"])
            how = _how(cfg, secret)
            entry = {"secret": secret.name, "provider": secret.provider, "flags": item["flags"],
                     "age_days": item["age_days"], "max_age_days": secret.max_age_days,
                     "days_over": item["days_over"], "days_left": item["days_left"], "method": secret.method,
                     "how": how}
            if "overdue" in item["flags"] or "expired" in item["flags"]:
                alerts.append((_line(item, secret, how), entry))
            elif "due_soon" in item["flags"]:
                soon.append((_line(item, secret, how), entry))
    messages = []
    if alerts:
        messages.append(Message(job="age-check", priority=4, tags=("hourglass", "warning"),
                                title=f"{len(alerts)} secret(s) past their rotation age",
                                body="\n".join(l for l, _ in alerts), items=[e for _, e in alerts]))
    if soon:
        messages.append(Message(job="age-check", priority=2, tags=("calendar",),
                                title=f"{len(soon)} secret(s) due for rotation soon",
                                body="\n".join(l for l, _ in soon), items=[e for _, e in soon]))
    return (REPORTED if messages else OK), messages
