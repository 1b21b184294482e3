/// The LUTs a binary network's answer depends on: the output LUT, the LUTs it reads, the LUTs
/// those read, and so on down to the first layer. The others (with random wiring, more than half
/// the LUTs of the paper's network above its first layer) were trained like every LUT, and their
/// outputs show in per-layer accuracies, but no answer reads them, so prediction skips them.
struct OutputCone: Sendable, Equatable {
    /// Per layer, bottom first: the LUTs kept, in increasing order, and their wiring renumbered to
    /// read the kept LUTs of the layer below (the first layer still reads the network's inputs).
    let layers: [LUTSelection]

    /// The cone of the output LUT of `layers` (the last layer, of one LUT).
    init(of layers: [LUTLayer]) {
        var kept = [[Int]](repeating: [], count: layers.count)
        kept[layers.count - 1] = Array(0..<layers[layers.count - 1].width)
        for index in stride(from: layers.count - 1, to: 0, by: -1) {
            let layer = layers[index]
            var read = [Bool](repeating: false, count: layer.sourceCount)
            for lut in kept[index] {
                for source in layer.inputs[lut * layer.k ..< (lut + 1) * layer.k] { read[Int(source)] = true }
            }
            kept[index - 1] = read.indices.filter { read[$0] }
        }
        var selections: [LUTSelection] = []
        selections.reserveCapacity(layers.count)
        for (index, layer) in layers.enumerated() {
            var renumbered: [UInt32]? = nil
            if index > 0 {
                var position = [UInt32](repeating: 0, count: layer.sourceCount)
                for (newIndex, source) in kept[index - 1].enumerated() { position[source] = UInt32(newIndex) }
                renumbered = position
            }
            var inputs: [UInt32] = []
            inputs.reserveCapacity(kept[index].count * layer.k)
            for lut in kept[index] {
                for source in layer.inputs[lut * layer.k ..< (lut + 1) * layer.k] {
                    inputs.append(renumbered?[Int(source)] ?? source)
                }
            }
            selections.append(LUTSelection(luts: kept[index], inputs: inputs,
                                           sourceCount: index == 0 ? layer.sourceCount : kept[index - 1].count))
        }
        self.layers = selections
    }

    /// Number of LUTs in the cone.
    var lutCount: Int { layers.reduce(0) { $0 + $1.luts.count } }
}

/// Some of a layer's LUTs, wired to read some of the rows below: what `LUTLayer.evaluate(_:only:…)`
/// computes instead of the whole layer.
struct LUTSelection: Sendable, Equatable {
    /// The LUTs, by index in their layer; output row i is LUT `luts[i]`.
    let luts: [Int]
    /// Their wiring, k per LUT, as rows of the input the selection is evaluated on.
    let inputs: [UInt32]
    /// Rows of that input.
    let sourceCount: Int
}
