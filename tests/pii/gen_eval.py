#!/usr/bin/env python3
"""Writes tests/pii/eval/generated.txt: labelled PII evaluation cases from templates with varied
fillers (fake data only). Deterministic (fixed seed); re-run after changing the templates.

Format (shared with handwritten.txt): one case per line; `[[TYPE|value]]` marks an entity; `\\n`
is a newline; lines starting with `#` are comments. A line without marks is an entity-free case."""
import random

R = random.Random(20261128)

# First/last names: common ones, and names from many origins that the gazetteer may not hold.
FIRST = ["Sarah", "John", "Maria", "David", "Aisha", "Wei", "Carlos", "Emily", "Priya", "Ahmed", "Olga",
         "Liam", "Sofia", "Noah", "Fatima", "Hiroshi", "Chloe", "Mateo", "Ingrid", "Kwame", "Elena", "Raj",
         "Hannah", "Omar", "Lucia", "Tomasz", "Nadia", "Pierre", "Yuki", "Grace", "Daniel", "Zoe",
         "Oluwaseun", "Thandiwe", "Siobhan", "Xochitl", "Tariq", "Ngozi", "Eilidh", "Bartholomew", "Ioana",
         "Dmitri", "Anneliese", "Jorge", "Keiko", "Rashid", "Margarethe", "Emeka", "Saoirse", "Björn"]
LAST = ["Smith", "Garcia", "Nguyen", "Kowalski", "Okafor", "Chen", "Müller", "Johnson", "Patel", "Rossi",
        "Dubois", "Tanaka", "Williams", "Haddad", "Jensen", "Brown", "Silva", "Novak", "Schmidt", "Kim",
        "Adeyemi", "Nkosi", "O'Sullivan", "Quispe", "Okonkwo", "MacLeod", "Quigley", "Popescu", "Volkov",
        "Lindqvist", "Fernández", "Hakimi", "Van der Berg", "Moreau", "Castellanos", "Yilmaz", "Byrne"]
DOMAINS = ["example.com", "example.org", "mail.example.net", "company.co.uk", "uni.example.edu",
           "post.example.de", "inbox.example.io", "example.fr", "family-example.ca"]


def name():
    return R.choice(FIRST), R.choice(LAST)


def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(R.randrange(10))
    for check in range(10):
        d = digits + [check]
        s = 0
        for i, v in enumerate(reversed(d)):
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            s += v
        if s % 10 == 0:
            return "".join(map(str, d))
    raise AssertionError


def card():
    kind = R.choice(["visa", "mc", "mc2", "amex", "disc", "jcb", "diners"])
    if kind == "visa":
        n = luhn_complete("4" + str(R.randrange(100, 999)), 16)
    elif kind == "mc":
        n = luhn_complete(str(R.randrange(51, 56)), 16)
    elif kind == "mc2":
        n = luhn_complete(str(R.randrange(2221, 2721)), 16)
    elif kind == "amex":
        n = luhn_complete(R.choice(["34", "37"]), 15)
    elif kind == "disc":
        n = luhn_complete("6011", 16)
    elif kind == "jcb":
        n = luhn_complete(str(R.randrange(3528, 3590)), 16)
    else:
        n = luhn_complete("36", 14)
    style = R.choice(["space", "dash", "bare"])
    if style == "bare":
        return n
    sep = " " if style == "space" else "-"
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    if len(n) == 14:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i:i + 4] for i in range(0, len(n), 4))


def nanp_digits():
    while True:
        npa = f"{R.randrange(2, 10)}{R.randrange(0, 9)}{R.randrange(10)}"
        nxx = f"{R.randrange(2, 10)}{R.randrange(10)}{R.randrange(10)}"
        if npa[1:] != "11" and nxx[1:] != "11":
            return npa, nxx, f"{R.randrange(10000):04d}"


def phone():
    kind = R.random()
    if kind < 0.55:
        a, b, c = nanp_digits()
        return R.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}",
                         f"+1-{a}-{b}-{c}", f"1-{a}-{b}-{c}", f"({a}) {b} {c}", f"+1 ({a}) {b}-{c}"])
    if kind < 0.7:
        return R.choice([f"+44 20 {R.randrange(7000, 8999)} {R.randrange(1000, 9999)}",
                         f"+44 7{R.randrange(100, 999)} {R.randrange(100000, 999999)}",
                         f"07{R.randrange(100, 999)} {R.randrange(100000, 999999)}",
                         f"020 {R.randrange(7000, 8999)} {R.randrange(1000, 9999)}"])
    if kind < 0.82:
        pairs = " ".join(f"{R.randrange(10, 99)}" for _ in range(4))
        return R.choice([f"+33 6 {pairs}", f"06 {pairs}", f"+33 1 {pairs}"])
    if kind < 0.92:
        return R.choice([f"+49 30 {R.randrange(1000000, 99999999)}", f"+49 151 {R.randrange(1000000, 99999999)}",
                         f"030 {R.randrange(1000000, 9999999)}"])
    return R.choice([f"+91 {R.randrange(70000, 99999)} {R.randrange(10000, 99999)}",
                     f"+61 4{R.randrange(10, 99)} {R.randrange(100, 999)} {R.randrange(100, 999)}",
                     f"+55 11 9{R.randrange(1000, 9999)}-{R.randrange(1000, 9999)}",
                     f"+81 90 {R.randrange(1000, 9999)} {R.randrange(1000, 9999)}"])


def ssn(sep="-"):
    while True:
        a = R.randrange(1, 900)
        if a != 666:
            break
    return f"{a:03d}{sep}{R.randrange(1, 100):02d}{sep}{R.randrange(1, 10000):04d}"


def aba():
    while True:
        p = R.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
        d = [int(c) for c in f"{p:02d}"] + [R.randrange(10) for _ in range(6)]
        for c in range(10):
            x = d + [c]
            if (3 * (x[0] + x[3] + x[6]) + 7 * (x[1] + x[4] + x[7]) + (x[2] + x[5] + x[8])) % 10 == 0:
                return "".join(map(str, x))


IBAN_FMT = {"DE": (18, "n"), "GB": (18, "gb"), "FR": (23, "n"), "ES": (20, "n"), "IT": (23, "it"),
            "NL": (14, "nl"), "BE": (12, "n"), "CH": (17, "n"), "AT": (16, "n"), "PL": (24, "n")}


def iban(spaced=True):
    cc = R.choice(list(IBAN_FMT))
    ln, kind = IBAN_FMT[cc]
    if kind == "gb":
        bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(str(R.randrange(10)) for _ in range(14))
    elif kind == "nl":
        bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(str(R.randrange(10)) for _ in range(10))
    elif kind == "it":
        bban = R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(str(R.randrange(10)) for _ in range(22))
    else:
        bban = "".join(str(R.randrange(10)) for _ in range(ln))
    num = int("".join(str(int(ch, 36)) for ch in bban + cc + "00"))
    check = 98 - num % 97
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if spaced else s


def m(t, v):
    return f"[[{t}|{v}]]"


def P(v):
    return m("PERSON", v)


def person_cases(k):
    out = []
    tpl = [
        lambda f, l: f"Hi {P(f)}, can you review the quarterly numbers before Friday?",
        lambda f, l: f"I had lunch with {P(f + ' ' + l)} yesterday and she loved the idea.",
        lambda f, l: f"{P(f + ' ' + l)} will join the call at 3pm.",
        lambda f, l: f"Please forward this to Dr. {P(l)} before the appointment.",
        lambda f, l: f"my name is {P(f.lower())} and I need help with my taxes",
        lambda f, l: f"My colleague {P(f)} says the build is broken again.",
        lambda f, l: f"Thanks,\\n{P(f)}",
        lambda f, l: f"Best regards,\\n{P(f + ' ' + l)}",
        lambda f, l: f"From: {P(f + ' ' + l)} <{m('EMAIL_ADDRESS', f.lower()[:1] + l.lower().replace(' ', '').replace(chr(39), '') + '@example.com')}>",
        lambda f, l: f"Can you ask {P(f)} whether the invoice was paid?",
        lambda f, l: f"{P(f)}'s laptop needs a new battery.",
        lambda f, l: f"We interviewed {P(f + ' ' + l)} for the backend role; {P(f)} was great.",
        lambda f, l: f"Dear {P(f + ' ' + l)},\\nyour order has shipped.",
        lambda f, l: f"Mrs. {P(l)} called about the lease.",
        lambda f, l: f"I'm {P(f)}, the new intern.",
        lambda f, l: f"Note from {P(f + ' ' + l)}: the fridge is broken.",
        lambda f, l: f"The contract was signed by {P(f + ' ' + l)} on Monday.",
        lambda f, l: f"Hey {P(f)}! Did you get my message?",
        lambda f, l: f"my wife {P(f)} wants to know if we can move the dinner",
        lambda f, l: f"`make test` fails for {P(f)} on her laptop",
        lambda f, l: f"Prof. {P(l)} will grade the final exam.",
        lambda f, l: f"Forward the draft to {P(f + ' ' + l)} and cc me.",
    ]
    for i in range(k):
        f, l = name()
        out.append(R.choice(tpl)(f, l))
    return out


def email_cases(k):
    out = []
    for _ in range(k):
        f, l = name()
        f = f.lower().replace("ö", "o").replace("é", "e")
        l = l.lower().replace(" ", "").replace("'", "").replace("ü", "u").replace("á", "a")
        local = R.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{R.randrange(10, 99)}", f"{f}+news", f"{l}.{f}"])
        e = m("EMAIL_ADDRESS", f"{local}@{R.choice(DOMAINS)}")
        out.append(R.choice([f"Send the report to {e} please.", f"contact: {e}", f"reach me at {e}!",
                             f"({e})", f"The login for the portal is {e} - password is in the vault.",
                             f"reply-to {e}", f"<{e}>", f"cc {e}, thanks", f"mailto:{e}"]))
    return out


def phone_cases(k):
    out = []
    for _ in range(k):
        p = m("PHONE_NUMBER", phone())
        out.append(R.choice([f"Call me at {p} after 5.", f"my cell is {p}", f"{p} is my mobile",
                             f"Reach me on {p} anytime.", f"Phone: {p}", f"tel {p}",
                             f"You can text {p} if the door is locked.", f"The number is {p}.",
                             f"reservations under {p}", f"({p})", f"WhatsApp: {p}"]))
    return out


def card_cases(k):
    out = []
    for _ in range(k):
        c = m("CREDIT_CARD", card())
        out.append(R.choice([f"Charge it to {c}, exp 04/27.", f"my card number is {c}",
                             f"Use {c} for the hotel.", f"visa {c}", f"The card {c} was declined.",
                             f"Card: {c}", f"{c} expires next month"]))
    return out


def ssn_cases(k):
    out = []
    for _ in range(k):
        r = R.random()
        if r < 0.6:
            s = m("US_SSN", ssn("-"))
            out.append(R.choice([f"My SSN is {s}.", f"SSN: {s}", f"{s} is my social security number",
                                 f"Here it is: {s}", f"social {s} on file", f"the number {s} belongs to my son"]))
        elif r < 0.8:
            s = m("US_SSN", ssn(" "))
            out.append(R.choice([f"ssn {s}", f"Social Security Number: {s}"]))
        else:
            s = m("US_SSN", ssn(""))
            out.append(R.choice([f"SSN {s}", f"social security no. {s}", f"{s} (my SSN)"]))
    return out


def bank_cases(k):
    out = []
    for _ in range(k):
        if R.random() < 0.5:
            b = m("US_BANK_NUMBER", aba())
            out.append(R.choice([f"routing number {b}", f"ABA {b}", f"Wire to routing {b}, thanks.",
                                 f"{b} is the bank routing number"]))
        else:
            b = m("US_BANK_NUMBER", "".join(str(R.randrange(10)) for _ in range(R.randrange(8, 15))))
            out.append(R.choice([f"account number {b}", f"acct #{b}", f"Deposit into checking account {b}.",
                                 f"My savings account is {b}", f"bank account: {b}"]))
    return out


def iban_cases(k):
    out = []
    for _ in range(k):
        i = m("IBAN_CODE", iban(R.random() < 0.6))
        out.append(R.choice([f"IBAN: {i}", f"Please transfer to {i} by Friday.", f"{i}",
                             f"my account is {i}", f"Pay the rent to {i} (landlord)."]))
    return out


def hex_str(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def negative_cases(k):
    out = []
    gens = [
        lambda: f"Run `git checkout {hex_str(40)}` and rebuild.",
        lambda: f"The request id is {hex_str(8)}-{hex_str(4)}-{hex_str(4)}-{hex_str(4)}-{hex_str(12)}.",
        lambda: f"Upgrade to v{R.randrange(1, 20)}.{R.randrange(0, 30)}.{R.randrange(0, 50)} before release.",
        lambda: f"npm install lodash@{R.randrange(1, 5)}.{R.randrange(0, 20)}.{R.randrange(0, 30)}",
        lambda: f"git clone git@github.com:{R.choice(['acme', 'tools', 'infra'])}/{R.choice(['api', 'web', 'cli'])}.git",
        lambda: f"ping {R.randrange(1, 255)}.{R.randrange(0, 255)}.{R.randrange(0, 255)}.{R.randrange(1, 255)} failed",
        lambda: f"The log says {R.randrange(2019, 2027)}-{R.randrange(1, 13):02d}-{R.randrange(1, 29):02d}T{R.randrange(24):02d}:{R.randrange(60):02d}:{R.randrange(60):02d}Z ERROR timeout",
        lambda: f"Your order #{R.randrange(10**9, 10**10)} has shipped.",
        lambda: f"tracking number {R.randrange(10**11, 10**12)} via UPS",
        lambda: f"See https://example.com/users/{R.randrange(10**9, 10**10)}/profile for details.",
        lambda: f"open /home/{R.choice(['dev', 'build', 'ci'])}/project/src/{R.choice(['main', 'util'])}.c",
        lambda: f"timestamp {R.randrange(1600000000000, 1800000000000)} in ms",
        lambda: f"We used {R.choice(['Dijkstra', 'Kruskal', 'Prim'])}'s algorithm for the shortest path.",
        lambda: f"Apply a Gaussian blur with sigma {R.randrange(1, 9)}.",
        lambda: f"Will the {R.choice(['build', 'deploy', 'migration'])} finish tonight?",
        lambda: f"Mark the {R.choice(['ticket', 'issue', 'task'])} as done.",
        lambda: f"The meeting moved to {R.choice(['Paris', 'Austin', 'Sydney', 'Berlin', 'London'])} next spring.",
        lambda: f"def {R.choice(['get_user', 'parse_args', 'load_config'])}(self): return self.{R.choice(['name', 'value'])}",
        lambda: f"const userName = props.{R.choice(['firstName', 'lastName', 'displayName'])};",
        lambda: f"Price went up {R.randrange(1, 99)}.{R.randrange(10, 99)}% to ${R.randrange(100, 9999)}.{R.randrange(10, 99)}",
        lambda: f"Meeting on {R.randrange(1, 13)}/{R.randrange(1, 29)}/{R.randrange(2020, 2027)} at {R.randrange(1, 12)}:{R.randrange(10, 59)}pm",
        lambda: f"docker run -p {R.randrange(1000, 9999)}:{R.randrange(1000, 9999)} nginx:{R.randrange(1, 2)}.{R.randrange(10, 27)}",
        lambda: f"The Markov chain converges after {R.randrange(100, 9999)} steps.",
        lambda: f"Set MAX_RETRIES={R.randrange(1, 10)} and TIMEOUT_MS={R.randrange(1000, 99999)}",
        lambda: f"sha256: {hex_str(64)}",
        lambda: f"Build {R.randrange(1000, 99999)} passed in {R.randrange(1, 59)}m{R.randrange(1, 59)}s.",
        lambda: f"Rose petals and {R.choice(['lavender', 'mint', 'sage'])} make a nice tea.",
        lambda: f"Drew up the plan for the {R.choice(['kitchen', 'garage', 'garden'])} today.",
        lambda: f"ISBN 978-{R.randrange(0, 9)}-{R.randrange(100, 999)}-{R.randrange(10000, 99999)}-{R.randrange(0, 9)}",
        lambda: f"the fix landed in PR #{R.randrange(100, 99999)} and issue #{R.randrange(100, 99999)}",
        lambda: f"Temperatures of {R.randrange(10, 40)}.{R.randrange(0, 9)} C in {R.choice(['Houston', 'Phoenix', 'Dallas'])} today.",
        lambda: f"SELECT id, email FROM users WHERE created_at > '{R.randrange(2019, 2026)}-01-01' LIMIT {R.randrange(10, 1000)};",
        lambda: f"http://{R.randrange(10, 192)}.{R.randrange(0, 255)}.{R.randrange(0, 255)}.{R.randrange(1, 255)}:{R.randrange(1000, 9999)}/health",
        lambda: f"MAC address {hex_str(2)}:{hex_str(2)}:{hex_str(2)}:{hex_str(2)}:{hex_str(2)}:{hex_str(2)}",
        lambda: f"Invoice INV-{R.randrange(100000, 999999)} total {R.randrange(100, 9999)} EUR",
        lambda: f"import {R.choice(['numpy', 'pandas', 'torch'])} as np; np.random.seed({R.randrange(1, 99999)})",
        lambda: f"The Fourier transform of the signal peaks at {R.randrange(100, 9999)} Hz.",
        lambda: f"Python {R.randrange(2, 4)}.{R.randrange(6, 13)} and Ruby {R.randrange(2, 4)}.{R.randrange(0, 9)} are installed.",
        lambda: f"Grace period ends in {R.randrange(2, 30)} days.",
        lambda: f"Summer sale: {R.randrange(10, 70)}% off until {R.choice(['June', 'July', 'August'])} {R.randrange(1, 30)}.",
    ]
    for _ in range(k):
        out.append(R.choice(gens)())
    return out


def mixed_cases(k):
    out = []
    for _ in range(k):
        f, l = name()
        out.append(f"Hi, this is {P(f + ' ' + l)}. My number is {m('PHONE_NUMBER', phone())} and my card is {m('CREDIT_CARD', card())}.")
    return out


cases = (person_cases(170) + email_cases(70) + phone_cases(110) + card_cases(60) + ssn_cases(60) +
         bank_cases(40) + iban_cases(50) + negative_cases(220) + mixed_cases(20))
with open("tests/pii/eval/generated.txt", "w", encoding="utf-8") as f:
    f.write("# Generated by tests/pii/gen_eval.py (fake data only); do not edit by hand.\n")
    for c in cases:
        f.write(c + "\n")
print(len(cases), "cases")
