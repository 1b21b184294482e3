/// A wiring checked against a network's shape and its images: what the trainer asks for every
/// layer's inputs.
package struct WiringPlan: Sendable, Equatable {
    /// The wiring.
    package let spec: WiringSpec
    /// The images' shape; nil for random wiring.
    package let image: ImageGeometry?

    /// The paper's random wiring.
    package static let random = WiringPlan(validSpec: .random, image: nil)

    private init(validSpec spec: WiringSpec, image: ImageGeometry?) {
        self.spec = spec
        self.image = image
    }

    /// Checks `spec` for a network of `shape` over `inputCount` inputs whose examples have shape
    /// `dataShape` (an IDX file's H × W or H × W × C, a CIFAR-10 record's 32 × 32 × 3, a PLA
    /// file's input count), or `imageShape` when the user gives one. Throws naming `--wiring` (or
    /// `--image-shape`) when the data has no image shape, the given shape does not match the
    /// inputs, a window is larger than the image or holds fewer than k inputs, NEAR is below k, or
    /// there are more spatial layers than hidden layers.
    package init(spec: WiringSpec, shape: NetworkShape, inputCount: Int, dataShape: [Int],
                imageShape: ImageGeometry? = nil) throws(ConfigurationError) {
        if let imageShape, imageShape.inputCount != inputCount {
            throw .invalidValue(option: "--image-shape", reason: "\(imageShape) is \(imageShape.inputCount) inputs, the data has \(inputCount)")
        }
        guard let window = spec.window else {
            self.init(validSpec: spec, image: imageShape)
            return
        }
        let image: ImageGeometry
        if let imageShape {
            image = imageShape
        } else {
            let dimensions = dataShape.reduce(1, *) == inputCount ? dataShape : [inputCount]
            guard let found = ImageGeometry(dimensions: dimensions) else {
                let what = dimensions.count == 1
                    ? "\(inputCount) inputs, not a square number, so not a square image"
                    : "shape \(dimensions.map(String.init).joined(separator: " × ")), not an image (H × W or H × W × C)"
                throw WiringSpec.invalid("\(spec) needs images but the examples have \(what); give their shape with --image-shape HxW[xC]")
            }
            image = found
        }
        guard window <= min(image.height, image.width) else {
            throw WiringSpec.invalid("\(spec): a \(window) × \(window) window is larger than the \(image.height) × \(image.width) images")
        }
        let candidates = window * window * image.channels, firstK = shape.k(layer: 0)
        guard candidates >= firstK else {
            throw WiringSpec.invalid("\(spec): a \(window) × \(window) window holds \(candidates) inputs, fewer than k = \(firstK)"
                                     + (shape.uniformK == nil ? " of the first layer" : ""))
        }
        // Layers 2 to L read their NEAR nearest LUTs below.
        let spatialK = { (layer: Int) in shape.layerKs[min(layer, shape.layerKs.count - 1)] }
        if let layer = (1..<max(1, spec.spatialLayers)).first(where: { spec.near < spatialK($0) }) {
            let k = spatialK(layer)
            throw WiringSpec.invalid("\(spec): NEAR = \(spec.near) is fewer than k = \(k)"
                                     + (shape.uniformK == nil ? " of layer \(layer + 1)" : "")
                                     + "; a LUT needs k distinct LUTs below to read")
        }
        guard spec.spatialLayers <= shape.hiddenWidths.count else {
            throw WiringSpec.invalid("\(spec): \(spec.spatialLayers) spatial layers, but the network has \(shape.hiddenWidths.count) hidden layers")
        }
        self.init(validSpec: spec, image: image)
    }

    /// Every layer's wiring for layers of `widths` LUTs (output LUT included) of `ks` inputs over
    /// `inputCount` inputs; nil for random wiring, which the trainer draws layer by layer as
    /// `RandomWiring` does. Layers above the spatial ones are wired at random, exactly as the
    /// random wiring wires them. The result is the same on any number of `threads`.
    /// `windowStream` names the first layer's generator streams (see `WindowWiring`).
    func layers(widths: [Int], ks: [Int], inputCount: Int, seed: UInt64, threads: Int = 1,
                windowStream: UInt64 = 11) -> [[UInt32]]? {
        guard let window = spec.window, let image else { return nil }
        var wirings: [[UInt32]] = []
        var below: [LUTPosition] = []
        var sourceCount = inputCount
        for (index, width) in widths.enumerated() {
            let k = ks[index]
            if index == 0 {
                let layer = WindowWiring.layer(width: width, k: k, image: image, window: window,
                                               placement: spec.placement, seed: seed, stream: windowStream)
                wirings.append(layer.inputs)
                below = layer.positions
            } else if index < spec.spatialLayers {
                let layer = NearestWiring.layer(width: width, k: k, near: spec.near, below: below, seed: seed, layer: index,
                                                lattice: spec.placement != .random, threads: threads)
                wirings.append(layer.inputs)
                below = layer.positions
            } else {
                wirings.append(RandomWiring.layer(width: width, k: k, sourceCount: sourceCount, seed: seed, layer: index))
            }
            sourceCount = width
        }
        return wirings
    }
}
