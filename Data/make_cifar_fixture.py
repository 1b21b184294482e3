#!/usr/bin/env python3
"""Writes a small CIFAR-10 binary dataset in the layout of the official cifar-10-binary.tar.gz.

Output, under Data/fixtures/cifar10-binary/ (run from anywhere; standard library only):

  cifar-10-batches-bin/          the unpacked folder: data_batch_1.bin ... data_batch_5.bin,
                                 test_batch.bin, batches.meta.txt, readme.html
  cifar-10-binary.tar.gz         the same files as a gzipped tar (GNU format, as the original)
  cifar-10-binary-pax.tgz        the same files plus one with a 150-character name, as a gzipped
                                 POSIX (pax) tar: the long name is stored in a pax 'path' record
  cifar-10-binary-long-name.tar.gz  the same as a GNU tar: the long name is a GNU 'L' entry
  cifar-10-binary-two-members.tar.gz  the files of cifar-10-binary.tar.gz as two concatenated gzip
                                 members, split inside data_batch_3.bin (as `cat a.gz b.gz` writes)
  broken/                        damaged archives, one defect each:
    truncated-gzip.tar.gz        the archive cut in the middle of the gzip stream
    corrupt-gzip.tar.gz          a wrong CRC in the gzip trailer
    garbage-after-gzip.tar.gz    cifar-10-binary.tar.gz followed by 15 bytes that are not a gzip
                                 member ("trailing bytes\n")
    truncated-tar.tar.gz         a complete gzip stream of a tar that ends inside data_batch_5.bin
    bad-checksum.tar.gz          the tar header of data_batch_3.bin has a wrong checksum
    short-record.tar.gz          data_batch_3.bin ends with a partial 100-byte record
    missing-batch.tar.gz         no data_batch_4.bin
    bad-label.tar.gz             record 1 of data_batch_2.bin has label 12
    not-cifar.tar.gz             a tar without cifar-10-batches-bin/
    oversized-batch.tar.gz       a header that claims data_batch_1.bin holds 400,000,000 bytes

Each record is 1 label byte then 3,072 pixel bytes: the red plane (32 rows of 32), the green plane,
the blue plane. Record r of batch b (b = 1...5 for data_batch_b, 6 for test_batch) has
    label                      = (3 * b + r) % 10
    value of channel c at (y, x) = (37 * b + 11 * r + 85 * c + 5 * y + 3 * x) % 256
Batches hold 2, 3, 1, 2, 2 records (training, 10 in all) and 3 (test). Archive members are stored
out of numeric order on purpose, so a reader must place the batches by name.
The output is byte-for-byte reproducible (fixed times, owners and gzip header).
"""

import gzip
import io
import os
import tarfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "cifar10-binary")
FOLDER = "cifar-10-batches-bin"
SIDE = 32
RECORDS = {1: 2, 2: 3, 3: 1, 4: 2, 5: 2, 6: 3}
MTIME = 1275700320  # 2010-06-05, the date of the original archive's batches
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def batch_name(b):
    return "test_batch.bin" if b == 6 else "data_batch_%d.bin" % b


def label(b, r):
    return (3 * b + r) % 10


def pixel(b, r, c, y, x):
    return (37 * b + 11 * r + 85 * c + 5 * y + 3 * x) % 256


def record(b, r, label_value=None):
    out = bytearray([label(b, r) if label_value is None else label_value])
    for c in range(3):
        for y in range(SIDE):
            out.extend(pixel(b, r, c, y, x) for x in range(SIDE))
    return bytes(out)


def batch(b):
    return b"".join(record(b, r) for r in range(RECORDS[b]))


def members(batches):
    """The archive's files in the order they are stored: deliberately not 1, 2, 3, 4, 5."""
    meta = ("\n".join(CLASSES) + "\n\n").encode()
    readme = b"<meta HTTP-EQUIV=\"REFRESH\" content=\"0; url=https://www.cs.toronto.edu/~kriz/cifar.html\">\n"
    order = ["data_batch_1.bin", "batches.meta.txt", "data_batch_3.bin", "data_batch_4.bin",
             "test_batch.bin", "readme.html", "data_batch_5.bin", "data_batch_2.bin"]
    files = dict(batches)
    files["batches.meta.txt"] = meta
    files["readme.html"] = readme
    return [(name, files[name]) for name in order if name in files]


LONG_NAME = "notes-" + "abcdefghij" * 14 + ".txt"  # 150 characters, past ustar's 100


def default_batches():
    return {batch_name(b): batch(b) for b in RECORDS}


def tar_bytes(files, fmt=tarfile.GNU_FORMAT, folder=FOLDER):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=fmt) as archive:
        directory = tarfile.TarInfo(folder)
        directory.type = tarfile.DIRTYPE
        directory.mode = 0o755
        directory.mtime = MTIME
        archive.addfile(directory)
        for name, data in files:
            info = tarfile.TarInfo(folder + "/" + name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = MTIME
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def gzipped(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def header_offset(tar, name):
    """Byte offset of the header of member `name` in an uncompressed tar."""
    with tarfile.open(fileobj=io.BytesIO(tar), mode="r") as archive:
        for info in archive.getmembers():
            if info.name == name:
                return info.offset
    raise KeyError(name)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)


def main():
    batches = default_batches()
    files = members(batches)
    for name, data in files:
        write(os.path.join(ROOT, FOLDER, name), data)

    tar = tar_bytes(files)
    good = gzipped(tar)
    write(os.path.join(ROOT, "cifar-10-binary.tar.gz"), good)
    with_long_name = files + [(LONG_NAME, b"a file whose name does not fit a ustar header\n")]
    write(os.path.join(ROOT, "cifar-10-binary-pax.tgz"),
          gzipped(tar_bytes(with_long_name, tarfile.PAX_FORMAT)))
    write(os.path.join(ROOT, "cifar-10-binary-long-name.tar.gz"),
          gzipped(tar_bytes(with_long_name, tarfile.GNU_FORMAT)))

    split = header_offset(tar, FOLDER + "/data_batch_3.bin") + 512 + 1000
    write(os.path.join(ROOT, "cifar-10-binary-two-members.tar.gz"),
          gzipped(tar[:split]) + gzipped(tar[split:]))

    broken = os.path.join(ROOT, "broken")
    write(os.path.join(broken, "truncated-gzip.tar.gz"), good[: len(good) // 2])

    corrupt = bytearray(good)
    corrupt[-8] ^= 0xFF  # first byte of the CRC-32 in the gzip trailer
    write(os.path.join(broken, "corrupt-gzip.tar.gz"), bytes(corrupt))

    write(os.path.join(broken, "garbage-after-gzip.tar.gz"), good + b"trailing bytes\n")

    cut = header_offset(tar, FOLDER + "/data_batch_5.bin") + 512 + 1000
    write(os.path.join(broken, "truncated-tar.tar.gz"), gzipped(tar[:cut]))

    damaged = bytearray(tar)
    at = header_offset(tar, FOLDER + "/data_batch_3.bin") + 148
    stored = int(bytes(damaged[at:at + 6]).decode().strip("\0 "), 8)
    damaged[at:at + 7] = ("%06o\0" % (stored + 1)).encode()
    write(os.path.join(broken, "bad-checksum.tar.gz"), gzipped(bytes(damaged)))

    short = dict(batches)
    short["data_batch_3.bin"] = batches["data_batch_3.bin"] + bytes(100)
    write(os.path.join(broken, "short-record.tar.gz"), gzipped(tar_bytes(members(short))))

    missing = {name: data for name, data in batches.items() if name != "data_batch_4.bin"}
    write(os.path.join(broken, "missing-batch.tar.gz"), gzipped(tar_bytes(members(missing))))

    relabeled = dict(batches)
    relabeled["data_batch_2.bin"] = record(2, 0) + record(2, 1, label_value=12) + record(2, 2)
    write(os.path.join(broken, "bad-label.tar.gz"), gzipped(tar_bytes(members(relabeled))))

    claim = tarfile.TarInfo(FOLDER + "/data_batch_1.bin")
    claim.size = 400_000_000
    claim.mtime = MTIME
    write(os.path.join(broken, "oversized-batch.tar.gz"),
          gzipped(claim.tobuf(tarfile.GNU_FORMAT) + batches["data_batch_1.bin"]))

    write(os.path.join(broken, "not-cifar.tar.gz"),
          gzipped(tar_bytes([("notes.txt", b"no batches here\n")], folder="notes")))


if __name__ == "__main__":
    main()
