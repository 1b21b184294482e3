/// The first layer of spatial wiring: every LUT reads k distinct inputs of one S × S window of the
/// image (every channel of a pixel in the window is a candidate) and sits at the window's centre.
enum WindowWiring {
    /// The wiring (`width * k` input indices) and positions of a first layer of `width` LUTs over
    /// `image`, windows of side `window` placed by `placement`. Each LUT draws its window (random
    /// placement) and inputs from its own stream of `seed`, so the result does not depend on the
    /// order LUTs are made in. The caller has checked that the window fits the image and holds at
    /// least k inputs. `stream` names the generator streams (the multi-class windows draw from
    /// their own).
    static func layer(width: Int, k: Int, image: ImageGeometry, window: Int, placement: WiringSpec.Placement,
                      seed: UInt64, stream: UInt64 = 11) -> (inputs: [UInt32], positions: [LUTPosition]) {
        let channels = image.channels, candidates = window * window * channels
        let places = gridPlaces(image: image, window: window, placement: placement)
        var inputs: [UInt32] = []
        inputs.reserveCapacity(width * k)
        var positions: [LUTPosition] = []
        positions.reserveCapacity(width)
        for lut in 0..<width {
            var generator = SeededGenerator(seed: seed, stream: stream, UInt64(lut))
            let top: Int, left: Int
            if let places {
                (top, left) = places[lut * places.count / width]
            } else {
                top = Int(generator.draw(below: UInt64(image.height - window + 1)))
                left = Int(generator.draw(below: UInt64(image.width - window + 1)))
            }
            for candidate in DistinctDraw.choose(k, below: candidates, using: &generator) {
                let channel = candidate % channels, pixel = candidate / channels
                let y = top + pixel / window, x = left + pixel % window
                inputs.append(UInt32((y * image.width + x) * channels + channel))
            }
            let half = Double(window - 1) / 2
            positions.append(LUTPosition(y: Double(top) + half, x: Double(left) + half))
        }
        return (inputs, positions)
    }

    /// The windows' top-left corners of a grid placement, row after row: every `stride`-th place
    /// and the last one, so that the windows cover every pixel when the stride is at most the side;
    /// nil for random placement.
    static func gridPlaces(image: ImageGeometry, window: Int, placement: WiringSpec.Placement) -> [(Int, Int)]? {
        guard case .grid(let stride) = placement else { return nil }
        func starts(_ side: Int) -> [Int] {
            let last = side - window
            var values = Array(Swift.stride(from: 0, through: last, by: stride))
            if values.last != last { values.append(last) }
            return values
        }
        let rows = starts(image.height), columns = starts(image.width)
        return rows.flatMap { top in columns.map { (top, $0) } }
    }
}
