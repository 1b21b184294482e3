import CSupport

/// The augmented examples: a copy of an image is a remapping of its input bits (every bit of pixel
/// (y, x), encoded channel c, comes from the same channel of another pixel), so the augmented bit
/// matrix is made of rows of the original placed in blocks of columns, one block of all the
/// examples per copy, in the order of ``Augmentation/copies``. Memory is the copies times the bit
/// matrix, whatever the bytes were.
extension Augmentation {
    /// The image shape of examples of `inputCount` input bits: `given` (`--image-shape`), else
    /// `dataShape` when it is H × W or H × W × C (the encoded shape).
    ///
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` for data
    ///   without an image shape (flat examples such as PLA files) or a shape that is not the input
    ///   count.
    package static func image(dataShape: [Int]?, inputCount: Int, given: ImageGeometry? = nil) throws(ConfigurationError) -> ImageGeometry {
        let image = given ?? dataShape.flatMap { ImageGeometry(imageDimensions: $0) }
        guard let image else {
            let shape = dataShape.map { $0.map(String.init).joined(separator: " × ") } ?? "none"
            throw .invalidValue(option: "--augment", reason: "it moves the pixels of images, and these examples of \(inputCount) input bits "
                                + "have no image shape (shape \(shape)); train without --augment")
        }
        guard image.inputCount == inputCount else {
            throw .invalidValue(option: "--augment", reason: "the images are \(image), \(image.inputCount) input bits, but the examples have \(inputCount)")
        }
        return image
    }

    /// The number of training examples `count` examples of `inputCount` bits read by `encoding`
    /// and of shape `dataShape` (or `given`) become: `count` for ``none``, else checked as
    /// ``check(_:)``, ``image(dataShape:inputCount:given:)`` and
    /// ``augmentedCount(_:inputCount:)`` check it.
    package func trainingCount(_ count: Int, inputCount: Int, encoding: InputEncoding, dataShape: [Int]?,
                               given: ImageGeometry? = nil) throws(ConfigurationError) -> Int {
        if isNone { return count }
        try check(encoding)
        _ = try Self.image(dataShape: dataShape, inputCount: inputCount, given: given)
        return try augmentedCount(count, inputCount: inputCount)
    }

    /// Throws naming `--augment` for input bits that a copy cannot take from another pixel's same
    /// channel: `neighbours:D` bits name the directions of a pixel's neighbours, which a mirror
    /// swaps and an edge repeated changes.
    package func check(_ encoding: InputEncoding) throws(ConfigurationError) {
        guard isNone || !encoding.families.contains(where: { if case .neighbours = $0 { true } else { false } }) else {
            throw .invalidValue(option: "--augment", reason: "input bits \(encoding) read each pixel against its neighbours in "
                                + "fixed directions, which the copies do not move with the pixel; train them without --augment")
        }
    }

    /// The number of examples `count` examples become, checked against the engine's limits.
    ///
    /// - Parameters:
    ///   - count: The original examples.
    ///   - inputCount: Input bits per example (rows of the bit matrix).
    /// - Returns: `count` × ``copyCount``.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` when the
    ///   examples would be more than ``LUTNetLimits/maxExamples`` or their bits more than the
    ///   machine's memory.
    package func augmentedCount(_ count: Int, inputCount: Int) throws(ConfigurationError) -> Int {
        let total = count.multipliedReportingOverflow(by: copyCount)
        do {
            guard !total.overflow else { throw ConfigurationError.tooLarge(what: "examples", count: Int.max, limit: LUTNetLimits.maxExamples) }
            try BitMatrix.checkSize(rows: inputCount, columns: total.partialValue)
        } catch {
            throw .invalidValue(option: "--augment", reason: "\(self) makes \(copyCount) copies of \(count) examples: \(error)")
        }
        return total.partialValue
    }

    /// `inputs` (one row per input bit of images of shape `image`) with every copy's examples
    /// after the originals': column `c·n + e` is copy c of example e (n examples).
    package func augment(_ inputs: BitMatrix, image: ImageGeometry, threads: Int = ParallelWork.defaultThreads) throws(ConfigurationError) -> BitMatrix {
        precondition(image.inputCount == inputs.rowCount, "the image shape is the inputs'")
        let copies = self.copies, channels = image.channels
        let sourcePixels = copies.map { copy in
            (0..<image.height * image.width).map { pixel in
                let from = copy.source(y: pixel / image.width, x: pixel % image.width, height: image.height, width: image.width)
                return from.y * image.width + from.x
            }
        }
        return try inputs.copies(copies.count, columns: augmentedCount(inputs.columnCount, inputCount: inputs.rowCount),
                                 threads: threads) { copy, row in
            sourcePixels[copy][row / channels] * channels + row % channels
        }
    }

    /// `labels` (one row) repeated once per copy.
    package func augment(labels: BitMatrix) throws(ConfigurationError) -> BitMatrix {
        try labels.copies(copyCount, columns: augmentedCount(labels.columnCount, inputCount: labels.rowCount), threads: 1) { _, row in row }
    }
}

extension BitMatrix {
    /// A matrix of `copies` blocks of this one's columns side by side (`total` columns, checked by
    /// the caller): row r of block c is row `sourceRow(c, r)` of this matrix.
    fileprivate func copies(_ copies: Int, columns total: Int, threads: Int,
                            sourceRow: @Sendable (_ copy: Int, _ row: Int) -> Int) -> BitMatrix {
        var result = BitMatrix(rowCount: rowCount, columnCount: total)
        let n = columnCount, inWords = wordsPerRow, outWords = result.wordsPerRow, rows = rowCount
        words.withUnsafeBufferPointer { source in
            result.words.withUnsafeMutableBufferPointer { target in
                let source = SharedBuffer(readOnly: source), target = SharedBuffer(target)
                // Workers fill disjoint rows.
                ParallelWork.forEach(count: rows, threads: threads, chunk: 16) { _, rowRange in
                    for row in rowRange {
                        for copy in 0..<copies {
                            lutnet_place_bits(source.base + sourceRow(copy, row) * inWords, n, target.base + row * outWords, copy * n)
                        }
                    }
                }
            }
        }
        return result
    }
}

extension MultiClassExamples {
    /// These examples with the copies `augmentation` makes of every image after them (the
    /// originals first), each copy's class that of its image.
    ///
    /// - Parameters:
    ///   - augmentation: The copies.
    ///   - threads: Worker threads, 1 or more; nil for one per core.
    /// - Returns: The examples, ``Augmentation/copyCount`` times as many; these examples themselves
    ///   for ``Augmentation/none``.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` when the
    ///   examples have no image shape or read neighbours' bits, or the copies would be more than
    ///   ``LUTNetLimits/maxExamples`` examples or more bits than the machine's memory holds.
    public func augmented(by augmentation: Augmentation,
                          threads: Int? = nil) throws(ConfigurationError) -> MultiClassExamples {
        if augmentation.isNone { return self }
        try augmentation.check(encoding)
        let image = try Augmentation.image(dataShape: imageShape, inputCount: inputs.rowCount)
        let inputs = try augmentation.augment(inputs, image: image, threads: threads ?? ParallelWork.defaultThreads)
        let classes = [[UInt8]](repeating: self.classes, count: augmentation.copyCount).flatMap { $0 }
        return MultiClassExamples(validInputs: inputs, classes: classes, task: task, threshold: threshold, encoding: encoding,
                                  imageShape: imageShape)
    }
}

extension BinarizedExamples {
    /// These examples with the copies `augmentation` makes of every image after them (the
    /// originals first), each copy's label that of its image.
    ///
    /// - Parameters:
    ///   - augmentation: The copies.
    ///   - image: The shape of the encoded images, H × W × (input bits per pixel).
    ///   - threads: Worker threads, 1 or more; nil for one per core.
    /// - Returns: The examples, ``Augmentation/copyCount`` times as many; these examples themselves
    ///   for ``Augmentation/none``.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` when
    ///   `image` is not the examples' input count, they read neighbours' bits, or the copies would be more than
    ///   ``LUTNetLimits/maxExamples`` examples or more bits than the machine's memory holds.
    public func augmented(by augmentation: Augmentation, image: ImageGeometry,
                          threads: Int? = nil) throws(ConfigurationError) -> BinarizedExamples {
        if augmentation.isNone { return self }
        try augmentation.check(encoding)
        let image = try Augmentation.image(dataShape: nil, inputCount: inputs.rowCount, given: image)
        return replacing(inputs: try augmentation.augment(inputs, image: image, threads: threads ?? ParallelWork.defaultThreads),
                         labels: try augmentation.augment(labels: labels))
    }
}
