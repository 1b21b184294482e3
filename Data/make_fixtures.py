#!/usr/bin/env python3
"""Writes LUTNet's test fixtures under Data/fixtures/ (Python 3 standard library only).

Run from anywhere: `python3 Data/make_fixtures.py`. The output is deterministic (fixed seed, gzip
members with mtime 0), so running it again rewrites the same files, byte for byte, as long as the
zlib that Python links against compresses the same way.

What it writes (the tests in Tests/LUTNetTests rely on every number stated here):

tiny/      A small MNIST-style dataset: 10x10 grayscale images, 10 classes, 600 train and 200 test
           examples, in the usual four gzipped IDX files (train-images-idx3-ubyte.gz and so on).
           The 10x10 image is a 5x5 grid of 2x2 pixel blocks, numbered 0...24 in row-major order
           (block b covers pixel rows 2(b / 5), 2(b / 5) + 1 and columns 2(b % 5), 2(b % 5) + 1).
           Class c lights its own two blocks, 2c and 2c + 1 (a 2x4 bar, split over two block rows
           for classes 2 and 7); no class owns blocks 20...24 (the bottom two pixel rows).
           A lit pixel is in 160...255 and a dark pixel in 0...95, so at threshold 128 a clean
           image binarizes to exactly its class's 8 pixels. Noise, per example: each of the class's
           blocks goes dark with probability 0.1, each other block lights with probability 0.02,
           and then each pixel flips (lit <-> dark) with probability 0.03.
           The classes own disjoint pixels, so every grouping of classes is linearly separable up
           to noise: on binarized pixels, logistic regression scores about 97 % on the test split
           for 0-4:5-9 and for odd:even, a vote of 256 memorized 6-input LUTs about 97 %, and a
           nearest class mean about 95 % over the 10 classes.
           Train class counts: 58 59 60 61 62 58 59 60 61 62 (600); test: 20 of each class (200).
           The examples are shuffled.

color/     A small color dataset in 4-D IDX (idx4, N x H x W x 3): 8x8 RGB images, 3 classes,
           30 train (10 per class) and 12 test (4 per class). Class c has channel c bright
           (200...255) and the two other channels dark (0...55) in every pixel.

plain/     train-images-idx3-ubyte and train-labels-idx1-ubyte, uncompressed, and no test split:
           5 images of 3x4 pixels, image i holding 12*i + p at pixel p (row-major); labels 4 3 2 1 0.

idx/       Valid single IDX files of every element type, with known values:
           int32.idx1-int.gz   int32, shape 6: 0, 1, -1, 2147483647, -2147483648, 305419896
           int32.idx2-int.gz   int32, shape 2x3: 0, -7, 70000, -70000, 1000000, 123
           int16.idx1.gz       int16, shape 4: 0, 1, -1, -32768
           int8.idx1.gz        int8, shape 4: 0, 1, -1, -128
           float32.idx1.gz     float32, shape 3: 1.5, -2.25, 1e-3
           float64.idx1.gz     float64, shape 3: 1.5, -2.25, 1e-300
           uint8.idx3.gz       uint8, shape 2x3x4: 0, 1, ..., 23 (also the fuzzing seed file)
           multi-member.idx1.gz  uint8, shape 10 (0...9) split over two concatenated gzip members
           plain.idx1          uint8, shape 4: 9, 8, 7, 255, uncompressed

bad/       Files each named for the one thing wrong with them (the reader's error in brackets):
           empty.gz                  no bytes at all                          [emptyFile]
           not-gzip.gz               a plain IDX file under a .gz name        [notGzip]
           truncated-gzip.gz         uint8.idx3.gz cut in the middle          [gzipTruncated]
           corrupt-crc.gz            uint8.idx3.gz with a CRC byte flipped    [gzipCorrupt]
           garbage-after-gzip.gz     uint8.idx3.gz followed by 5 bytes that   [gzipCorrupt]
                                     are not a gzip member
           bad-magic.gz              first two header bytes not zero          [badMagic]
           unknown-element-type.gz   element type byte 0x0A                   [unknownElementType]
           bad-rank.gz               rank byte 0                              [badRank]
           zero-dimension.gz         shape 3x0x4                              [zeroDimension]
           too-large.gz              3 dimensions of 0xFFFFFFFF (overflows)   [tooLarge]
           truncated-header.gz       magic says 3 dimensions, only 2 given    [truncatedHeader]
           payload-short.gz          header says 2x3x4 bytes, 23 present      [truncatedData]
           payload-long.gz           header says 2x3x4 bytes, 25 present      [trailingData]
           payload-short.idx3        the same, uncompressed                   [truncatedData]
           payload-long.idx3         the same, uncompressed                   [trailingData]

pla/       garbage-after-gzip.pla.gz: pla/small.pla (written by hand, see pla/README.md) as one gzip
           member followed by 15 bytes that are not a gzip member ("trailing bytes\n")
                                                                      [FileReadError gzipCorrupt]

Dataset folders with one fault each (the loader's DatasetError in brackets):
label-mismatch/      train images 20, train labels 19                          [countMismatch]
missing-labels/      train images but no train label file                      [missingFile]
test-only/           only t10k files, no train split                           [missingFile]
shape-mismatch/      train images 10x10, test images 8x8                       [shapeMismatch]
int32-labels/        train labels stored as int32                              [wrongElementType]
flat-images/         train-images-idx3-ubyte.gz holding a rank-2 (N x 100) tensor [wrongRank]
unreadable-images/   train images truncated gzip                               [unreadable]
"""

import gzip
import os
import random
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")

UINT8, INT8, INT16, INT32, FLOAT32, FLOAT64 = 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E
PACK = {UINT8: "B", INT8: "b", INT16: "h", INT32: "i", FLOAT32: "f", FLOAT64: "d"}


def idx_bytes(element_type, shape, values):
    """An IDX file: magic 00 00 type rank, big-endian uint32 dimensions, big-endian elements."""
    header = bytes([0, 0, element_type, len(shape)]) + b"".join(struct.pack(">I", d) for d in shape)
    if element_type == UINT8:
        return header + bytes(values)
    return header + struct.pack(">%d%s" % (len(values), PACK[element_type]), *values)


def gz(data):
    """A deterministic single gzip member (no file name, mtime 0)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def write(relative, data):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_dataset(folder, split, images, shape, labels, compress=True):
    """Writes `split`-images-idxN-ubyte[.gz] and `split`-labels-idx1-ubyte[.gz]."""
    rank = len(shape) + 1
    suffix = ".gz" if compress else ""
    image_file = idx_bytes(UINT8, [len(labels)] + shape, images)
    label_file = idx_bytes(UINT8, [len(labels)], labels)
    write("%s/%s-images-idx%d-ubyte%s" % (folder, split, rank, suffix), gz(image_file) if compress else image_file)
    write("%s/%s-labels-idx1-ubyte%s" % (folder, split, suffix), gz(label_file) if compress else label_file)


# --- tiny: the learnable 10x10 dataset -------------------------------------------------------------

SIDE = 10
BLOCKS = 5  # 5x5 grid of 2x2 blocks


def class_blocks(c):
    """The (block row, block column) pairs class c lights: blocks 2c and 2c + 1 in row-major order."""
    return {divmod(2 * c, BLOCKS), divmod(2 * c + 1, BLOCKS)}


def tiny_image(rng, c):
    lit_blocks = set()
    for i in range(BLOCKS):
        for j in range(BLOCKS):
            if (i, j) in class_blocks(c):
                if rng.random() >= 0.1:
                    lit_blocks.add((i, j))
            elif rng.random() < 0.02:
                lit_blocks.add((i, j))
    pixels = []
    for y in range(SIDE):
        for x in range(SIDE):
            lit = (y // 2, x // 2) in lit_blocks
            if rng.random() < 0.03:
                lit = not lit
            pixels.append(rng.randint(160, 255) if lit else rng.randint(0, 95))
    return pixels


def tiny_split(rng, counts):
    labels = [c for c, n in enumerate(counts) for _ in range(n)]
    rng.shuffle(labels)
    images = []
    for c in labels:
        images.extend(tiny_image(rng, c))
    return images, labels


TINY_TRAIN_COUNTS = [58, 59, 60, 61, 62, 58, 59, 60, 61, 62]
TINY_TEST_COUNTS = [20] * 10


def make_tiny(rng):
    images, labels = tiny_split(rng, TINY_TRAIN_COUNTS)
    write_dataset("tiny", "train", images, [SIDE, SIDE], labels)
    images, labels = tiny_split(rng, TINY_TEST_COUNTS)
    write_dataset("tiny", "t10k", images, [SIDE, SIDE], labels)


# --- color: 4-D RGB images -------------------------------------------------------------------------

def color_split(rng, per_class, side=8):
    labels = [c for c in range(3) for _ in range(per_class)]
    rng.shuffle(labels)
    images = []
    for c in labels:
        for _ in range(side * side):
            for channel in range(3):
                images.append(rng.randint(200, 255) if channel == c else rng.randint(0, 55))
    return images, labels


def make_color(rng):
    images, labels = color_split(rng, 10)
    write_dataset("color", "train", images, [8, 8, 3], labels)
    images, labels = color_split(rng, 4)
    write_dataset("color", "t10k", images, [8, 8, 3], labels)


# --- plain: uncompressed dataset without a test split ----------------------------------------------

def make_plain():
    images = [12 * i + p for i in range(5) for p in range(12)]
    write_dataset("plain", "train", images, [3, 4], [4, 3, 2, 1, 0], compress=False)


# --- idx: valid single files of every element type -------------------------------------------------

SEED_FILE = idx_bytes(UINT8, [2, 3, 4], list(range(24)))


def make_idx():
    write("idx/int32.idx1-int.gz", gz(idx_bytes(INT32, [6], [0, 1, -1, 2147483647, -2147483648, 305419896])))
    write("idx/int32.idx2-int.gz", gz(idx_bytes(INT32, [2, 3], [0, -7, 70000, -70000, 1000000, 123])))
    write("idx/int16.idx1.gz", gz(idx_bytes(INT16, [4], [0, 1, -1, -32768])))
    write("idx/int8.idx1.gz", gz(idx_bytes(INT8, [4], [0, 1, -1, -128])))
    write("idx/float32.idx1.gz", gz(idx_bytes(FLOAT32, [3], [1.5, -2.25, 1e-3])))
    write("idx/float64.idx1.gz", gz(idx_bytes(FLOAT64, [3], [1.5, -2.25, 1e-300])))
    write("idx/uint8.idx3.gz", gz(SEED_FILE))
    multi = idx_bytes(UINT8, [10], list(range(10)))
    write("idx/multi-member.idx1.gz", gz(multi[:9]) + gz(multi[9:]))
    write("idx/plain.idx1", idx_bytes(UINT8, [4], [9, 8, 7, 255]))


# --- bad: one fault per file -----------------------------------------------------------------------

def make_bad():
    seed = gz(SEED_FILE)
    write("bad/empty.gz", b"")
    write("bad/not-gzip.gz", SEED_FILE)
    write("bad/truncated-gzip.gz", seed[: len(seed) // 2])
    # The gzip trailer is CRC-32 (4 bytes, little-endian) then the length (4 bytes).
    corrupt = bytearray(seed)
    corrupt[-8] ^= 0xFF
    write("bad/corrupt-crc.gz", bytes(corrupt))
    write("bad/bad-magic.gz", gz(b"\x01\x00" + SEED_FILE[2:]))
    write("bad/unknown-element-type.gz", gz(SEED_FILE[:2] + b"\x0a" + SEED_FILE[3:]))
    write("bad/bad-rank.gz", gz(b"\x00\x00\x08\x00" + bytes(8)))
    write("bad/zero-dimension.gz", gz(idx_bytes(UINT8, [3, 0, 4], [])))
    write("bad/too-large.gz", gz(idx_bytes(UINT8, [0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF], [])))
    write("bad/truncated-header.gz", gz(b"\x00\x00\x08\x03" + struct.pack(">II", 2, 3)))
    write("bad/payload-short.gz", gz(SEED_FILE[:-1]))
    write("bad/payload-long.gz", gz(SEED_FILE + b"\x18"))
    write("bad/garbage-after-gzip.gz", seed + b"junk\n")
    write("bad/payload-short.idx3", SEED_FILE[:-1])
    write("bad/payload-long.idx3", SEED_FILE + b"\x18")


# --- pla: a gzipped PLA file with bytes after the gzip stream -----------------------------------------

def make_pla():
    with open(os.path.join(OUT, "pla", "small.pla"), "rb") as f:
        small = f.read()
    write("pla/garbage-after-gzip.pla.gz", gz(small) + b"trailing bytes\n")


# --- dataset folders with one fault each -----------------------------------------------------------

def make_bad_folders(rng):
    images, labels = tiny_split(rng, [2] * 10)  # 20 examples
    image_file = gz(idx_bytes(UINT8, [20, SIDE, SIDE], images))

    write("label-mismatch/train-images-idx3-ubyte.gz", image_file)
    write("label-mismatch/train-labels-idx1-ubyte.gz", gz(idx_bytes(UINT8, [19], labels[:19])))

    write("missing-labels/train-images-idx3-ubyte.gz", image_file)

    write_dataset("test-only", "t10k", images, [SIDE, SIDE], labels)

    write_dataset("shape-mismatch", "train", images, [SIDE, SIDE], labels)
    small = [rng.randint(0, 255) for _ in range(20 * 64)]
    write_dataset("shape-mismatch", "t10k", small, [8, 8], labels)

    write("int32-labels/train-images-idx3-ubyte.gz", image_file)
    write("int32-labels/train-labels-idx1-ubyte.gz", gz(idx_bytes(INT32, [20], labels)))

    write("flat-images/train-images-idx3-ubyte.gz", gz(idx_bytes(UINT8, [20, SIDE * SIDE], images)))
    write("flat-images/train-labels-idx1-ubyte.gz", gz(idx_bytes(UINT8, [20], labels)))

    write("unreadable-images/train-images-idx3-ubyte.gz", image_file[: len(image_file) // 2])
    write("unreadable-images/train-labels-idx1-ubyte.gz", gz(idx_bytes(UINT8, [20], labels)))


# The folders this script writes whole; it leaves the others (pla/, written by hand, and
# cifar10-binary/, written by make_cifar_fixture.py) in place.
FOLDERS = ["tiny", "color", "plain", "idx", "bad", "label-mismatch", "missing-labels", "test-only",
           "shape-mismatch", "int32-labels", "flat-images", "unreadable-images"]


def main():
    for folder in FOLDERS:
        if os.path.isdir(os.path.join(OUT, folder)):
            shutil.rmtree(os.path.join(OUT, folder))
    rng = random.Random(20180710)
    make_tiny(rng)
    make_color(rng)
    make_plain()
    make_idx()
    make_bad()
    make_bad_folders(rng)
    make_pla()
    written = [os.path.join(root, name) for folder in FOLDERS
               for root, _, files in os.walk(os.path.join(OUT, folder)) for name in files]
    written.append(os.path.join(OUT, "pla", "garbage-after-gzip.pla.gz"))
    total = sum(os.path.getsize(path) for path in written)
    print("wrote %s (%d bytes)" % (OUT, total))


if __name__ == "__main__":
    main()
