"""Rebuild the encoded fixtures from original.txt: `python tests/data/encodings/make_fixtures.py`."""

from pathlib import Path

from wardnews.archive.legacy_codecs import encode_legacy

HERE = Path(__file__).resolve().parent
# What a Windows cp1252 reader shows for each byte; the five undefined bytes become C1 controls.
CP1252_SLOPPY = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def main() -> None:
    text = (HERE / "original.txt").read_text(encoding="utf-8")
    utf8 = text.encode("utf-8")
    files = {
        "utf8-bom.txt": b"\xef\xbb\xbf" + utf8,
        "utf16.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16-be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "mojibake.txt": "".join(CP1252_SLOPPY[b] for b in utf8).encode("utf-8"),
        "mojibake-latin1.txt": utf8.decode("latin-1").encode("utf-8"),
        "tcvn3.txt": encode_legacy(text, "tcvn3"),
        "vni.txt": encode_legacy(text, "vni"),
        "viscii.txt": encode_legacy(text, "viscii"),
        "cp1258.txt": encode_legacy(text, "windows-1258"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
