import Foundation

/// Everything that shapes a trained binary network besides the bits of its examples: the options
/// (k, layers, wiring, image shape, seed, augmentation), the task, the threshold, the input bits, random labels,
/// and what identifies the data (each split's example count and shape, and a checksum of what is
/// read whole). Two runs with equal setups on the same examples train bit-identical networks.
///
/// Each item is named as the user gives it (`--layers`, `--seed`, …), so a difference reads as an
/// option: the ranks of a data-parallel run compare theirs before training
/// (``RankCommunicator/agree(on:)``), and any run can print its setup.
package struct TrainingSetup: Sendable, Equatable, Codable, CustomStringConvertible {
    /// One thing that shapes the model: its name (an option such as `--layers`, or a split of the
    /// data) and its value in the form the option takes.
    package struct Item: Sendable, Equatable, Codable {
        /// The option or split, e.g. `--layers` or `the training split`.
        package let name: String
        /// Its value, e.g. `5x1024` or `60000 examples of 28x28`.
        package let value: String
    }

    /// The items, in a fixed order.
    package let items: [Item]

    /// The setup of training a network with `options` on `task` at `threshold`, reading
    /// `inputBits` of every pixel, on random labels when `randomLabels`, from `data`. The thread
    /// count is left out: it does not change the network.
    package init(options: TrainingOptions, task: BinaryTask, threshold: UInt8, inputBits: [InputBitFamily] = [.threshold],
                randomLabels: Bool, data: DatasetFingerprint) {
        items = [
            Item(name: "--k", value: options.shape.ks.description),
            Item(name: "--layers", value: options.shape.layersText),
            Item(name: "--task", value: task.description),
            Item(name: "--wiring", value: options.wiring.description),
            Item(name: "--image-shape", value: options.imageShape?.description ?? "the data's"),
            Item(name: "--seed", value: String(options.seed)),
            Item(name: "--threshold", value: String(threshold)),
            Item(name: "--input-bits", value: InputBitFamily.text(of: inputBits)),
            Item(name: "--random-labels", value: randomLabels ? "on" : "off"),
            Item(name: "--augment", value: options.augmentation.description),
            Item(name: "the training split", value: data.train.description),
            Item(name: "the test split", value: data.test?.description ?? "absent"),
        ]
    }

    /// One line per item: its name and value.
    package var description: String {
        items.map { "\($0.name) \($0.value)" }.joined(separator: "\n")
    }

    /// A sentence for each item whose value differs from `reference`'s, e.g. "--layers is 2x65
    /// here but 2x64 on rank 0" when `referenceName` is "rank 0"; empty when the setups agree.
    package func differences(from reference: TrainingSetup, referenceName: String) -> [String] {
        let theirs = Dictionary(reference.items.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var sentences = items.compactMap { item -> String? in
            guard let value = theirs[item.name] else { return "\(item.name) is \(item.value) here but not set on \(referenceName)" }
            return value == item.value ? nil : "\(item.name) is \(item.value) here but \(value) on \(referenceName)"
        }
        let mine = Set(items.map(\.name))
        for item in reference.items where !mine.contains(item.name) {
            sentences.append("\(item.name) is not set here but \(item.value) on \(referenceName)")
        }
        return sentences
    }

    /// The setup as bytes that `init(encoded:)` reads back (to send to other ranks).
    package var encoded: [UInt8] {
        // Encoding an array of string pairs cannot fail.
        (try? [UInt8](JSONEncoder().encode(items))) ?? []
    }

    /// The setup `encoded` gave; nil when `bytes` are not one.
    package init?(encoded bytes: [UInt8]) {
        guard let items = try? JSONDecoder().decode([Item].self, from: Data(bytes)) else { return nil }
        self.items = items
    }
}

/// What identifies the data a network is trained on, as far as every reader of it knows it whole:
/// each split's example count and example shape (an IDX file's header, which every rank of a
/// data-parallel run reads), and a checksum of the examples when they were read whole.
package struct DatasetFingerprint: Sendable, Equatable {
    /// One split.
    package struct Split: Sendable, Equatable, CustomStringConvertible {
        /// Examples in the whole split.
        package let count: Int
        /// The shape of one example, e.g. `[28, 28]`.
        package let exampleShape: [Int]
        /// CRC-32 of the split's pixels then labels, when they were read whole; nil when only a
        /// shard of them was read.
        package let checksum: UInt32?

        /// A split of `count` examples of `exampleShape`, with the checksum of its bytes when known.
        package init(count: Int, exampleShape: [Int], checksum: UInt32? = nil) {
            self.count = count
            self.exampleShape = exampleShape
            self.checksum = checksum
        }

        /// The identity of `images`, read whole: its count, shape and checksum.
        package init(whole images: ImageSet) {
            var crc = images.withPixels { CRC32.update(0, UnsafeRawBufferPointer($0)) }
            crc = images.labels.withUnsafeBytes { CRC32.update(crc, $0) }
            self.init(count: images.count, exampleShape: images.imageShape, checksum: crc)
        }

        /// E.g. "60000 examples of 28x28" or "50000 examples of 32x32x3, CRC-32 1a2b3c4d".
        package var description: String {
            let shape = exampleShape.map(String.init).joined(separator: "x")
            return "\(count) examples of \(shape.isEmpty ? "no shape" : shape)" + (checksum.map { ", CRC-32 " + String($0, radix: 16) } ?? "")
        }
    }

    /// The training split.
    package let train: Split
    /// The test split, when there is one.
    package let test: Split?

    /// The identity of data with these splits.
    package init(train: Split, test: Split?) {
        self.train = train
        self.test = test
    }
}
