#!/usr/bin/python3
"""Print a line assigning a fresh, random GitHub-style personal access token with a valid checksum
(ghp_ + 30 base62 characters + base62 CRC32 of them), made at test time so nothing credential-shaped is
committed. It authenticates nowhere: the body is random."""
import secrets
import zlib

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def token() -> str:
    body = "".join(secrets.choice(B62) for _ in range(30))
    crc = zlib.crc32(body.encode())
    check = ""
    for _ in range(6):
        crc, digit = divmod(crc, 62)
        check = B62[digit] + check
    return "ghp_" + body + check


if __name__ == "__main__":
    print(f"GITHUB_TOKEN={token()}")
