import ArgumentParser
import LUTNet

/// Options of the commands that use a saved model.
struct ModelOptions: ParsableArguments {
    @Option(help: "A model file written by 'lutnet train --save'.")
    var model: String

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    /// The loaded model.
    func load() throws -> LUTNetwork { try ModelFile.load(from: model) }

    /// The loaded model of either kind.
    func loadModel() throws -> TrainedModel { try ModelFile.loadModel(from: model) }

    /// The validated thread count.
    func threadCount() throws -> Int {
        try ParallelWork.validated(threads: threads)
    }
}
