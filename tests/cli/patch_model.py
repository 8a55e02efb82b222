#!/usr/bin/env python3
"""Test helper: replaces bytes OLD by NEW (same length) in a textkit model file and recomputes
its FNV-1a 64 checksum, so that the file stays valid and only says something else (e.g. that
another textkit version wrote it).  Usage: patch_model.py FILE OLD NEW"""
import struct
import sys

path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
assert len(old) == len(new), "OLD and NEW must have the same length"
data = open(path, "rb").read()
assert data.count(old) == 1, f"{sys.argv[2]!r} is not in {path} exactly once"
body = data[:-16].replace(old, new)  # the checksum (8 bytes) and end magic (8 bytes) follow
h = 0xCBF29CE484222325
for byte in body:
    h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
open(path, "wb").write(body + struct.pack("<Q", h) + data[-8:])
