/// Figures published in "Learning and Memorization" (Chatterjee, ICML 2018) for MNIST 0-4:5-9 with
/// 5 hidden layers of 1024 LUTs, to draw next to ours.
package enum PaperFigures {
    /// The task the figures are for.
    package static let task = "0-4:5-9"
    /// The hidden layers of the paper's network.
    package static let hiddenWidths = [1024, 1024, 1024, 1024, 1024]
    /// Test accuracy on the real labels, by k.
    package static let realTestAccuracy: [Int: Double] = [2: 0.66, 4: 0.81, 6: 0.86, 8: 0.87, 10: 0.89, 12: 0.90, 14: 0.83, 16: 0.66]
    /// Training accuracy on random labels, by k.
    package static let randomTrainAccuracy: [Int: Double] = [2: 0.51, 4: 0.53, 6: 0.55, 8: 0.60, 10: 0.69, 12: 0.82, 14: 0.92, 16: 0.98]
    /// Mean training accuracy of each layer's LUTs (five hidden layers, then the output) for k = 8.
    package static let layerTrainAccuracy: [Double] = [0.61, 0.74, 0.83, 0.87, 0.88, 0.89]
    /// The k of the per-layer figures.
    package static let layerK = 8
    /// How the reports cite the figures.
    package static let citation = "Chatterjee, Learning and Memorization, ICML 2018"
}
