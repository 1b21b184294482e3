import ArgumentParser
import Foundation
import LUTNet

/// `lutnet predict`: a saved model's answer for every image of an IDX file.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Print a saved model's answer (0 or 1; the class of a multi-class model, or 0 or 1 for one trained with --readout classes) for every image of an IDX image file, one per line."
    )

    @OptionGroup var modelOptions: ModelOptions

    @Argument(help: "An IDX image file (N×H×W or N×H×W×C unsigned bytes), gzipped or plain.")
    var file: String

    func run() throws {
        let model = try modelOptions.loadModel()
        let images = try ImageSet(unlabeled: try IDXTensor.read(path: file))
        let predictions = try model.predict(images, threads: try modelOptions.threadCount())
        var output = ""
        output.reserveCapacity(predictions.count * 4)
        for p in predictions { output += String(p) + "\n" }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
