"""Independent helpers for the program-file tests (docs/loihi2-program-file.md).

  l2tool.py check FILE          checks the header with Python's zlib.crc32
  l2tool.py flip IN OUT OFFSET  flips one bit of the byte at OFFSET (< 0: from the end)
  l2tool.py wrap IN OUT         writes IN as the payload of a valid version-1 file
"""
import sys
import zlib


def header(payload):
    return b"lrnn-loihi2-program/1\nbytes %d\ncrc32 %08x\n\n" % (
        len(payload), zlib.crc32(payload) & 0xFFFFFFFF)


def main(argv):
    command = argv[1]
    if command == "check":
        data = open(argv[2], "rb").read()
        lines = data.split(b"\n", 4)
        payload = lines[4]
        expected = header(payload)
        if not data.startswith(expected):
            sys.exit("header %r, expected %r" % (data[:len(expected)], expected))
        print("ok: %d payload bytes, crc32 %08x" % (len(payload), zlib.crc32(payload)))
    elif command == "flip":
        data = bytearray(open(argv[2], "rb").read())
        data[int(argv[4])] ^= 0x01
        open(argv[3], "wb").write(bytes(data))
    elif command == "wrap":
        payload = open(argv[2], "rb").read()
        open(argv[3], "wb").write(header(payload) + payload)
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main(sys.argv)
