#!/usr/bin/python3
"""Writes, for every region libphonenumber knows (Debian's python3-phonenumbers), its example mobile and fixed
line numbers in their national written form after "phone" (and bare), as `sanctum detect --jsonl` input, to
find the national forms core/src/pii/rec_phone_national.c does not read:

    /usr/bin/python3 tools/phones/national_probe.py > /tmp/probe.jsonl
    build/release/core/sanctum detect --jsonl /tmp/probe.jsonl --entities PHONE_NUMBER | grep '"entities":\\[\\]'

Round 8: 162 of 489 missed after "phone" on main, 89 after (what is left is mostly regions of under a million
people and 5- to 7-digit plans); bare, without a phone word, they are meant to stay in clear.
"""
import json

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat

CONTEXTS = ["call me on {}", "my number is {}", "phone {}", "{}"]


def main():
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        meta = PhoneMetadata.metadata_for_region(region)
        for kind in ("mobile", "fixed_line"):
            desc = getattr(meta, kind)
            if desc is None or not desc.example_number:
                continue
            national = phonenumbers.format_number(phonenumbers.parse(desc.example_number, region),
                                                  PhoneNumberFormat.NATIONAL)
            for ctx in CONTEXTS:
                print(json.dumps({"id": f"{region}|{kind}|{ctx}|{national}", "text": ctx.format(national)}))


if __name__ == "__main__":
    main()
