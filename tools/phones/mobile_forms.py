#!/usr/bin/python3
"""Prints, for the regions whose national forms the table knows, the mobile leading digits and the
national written form of libphonenumber's example mobile number (Debian's python3-phonenumbers), to check
the mobile rows of core/src/pii/rec_phone_national.c against the data:

    apt-get install -y python3-phonenumbers
    /usr/bin/python3 tools/phones/mobile_forms.py
"""
import re

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat

REGIONS = ["AT", "BE", "BG", "CH", "DE", "FI", "FR", "GB", "HR", "HU", "IE", "NL", "RO", "SE", "SI", "SK",
           # round 8: the national forms of family chat outside the trunk-0 countries of Europe
           "ES", "GR", "PL", "PT", "TR", "IL", "SA", "ID", "MY", "PH", "NG", "KE", "NZ"]


def mobile_prefixes(pattern, width):
    """The digit prefixes of `width` digits that the mobile pattern accepts (by trying each)."""
    rx = re.compile(pattern)
    out = []
    for p in range(10 ** width):
        head = str(p).zfill(width)
        # a prefix is a mobile one when some completion of it matches: try padding with each digit
        if any(rx.fullmatch(head + d * 12) or rx.fullmatch(head + d * k)
               for d in "0123456789" for k in range(4, 12)):
            out.append(head)
    return out


def main():
    for region in REGIONS:
        meta = PhoneMetadata.metadata_for_region(region)
        example = phonenumbers.parse(meta.mobile.example_number, region)
        national = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
        trunk = meta.national_prefix or ""
        prefixes = mobile_prefixes(meta.mobile.national_number_pattern, 2)
        print(f"{region}  trunk {trunk or '-':3} lengths {tuple(meta.mobile.possible_length)}  "
              f"mobile starts {'|'.join(trunk + p for p in prefixes)}  e.g. {national}")


if __name__ == "__main__":
    main()
