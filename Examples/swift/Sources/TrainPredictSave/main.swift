import LUTNet

// Usage: TrainPredictSave [DATASET-FOLDER] [MODEL-FILE]; by default the package's tiny fixture.
let arguments = CommandLine.arguments.dropFirst()
let folder = arguments.first ?? "../../Data/fixtures/tiny"
let modelPath = arguments.dropFirst().first ?? "tiny.lut"

let dataset = try DatasetLoader.load(path: folder)
let task = try BinaryTask(parsing: "0-4:5-9")
let shape = try NetworkShape(k: 6, layers: "2x256")
let result = try LUTNetwork.train(on: dataset, task: task, options: TrainingOptions(shape: shape, seed: 1))
print("train accuracy", result.report.trainAccuracy, "test accuracy", result.report.testAccuracy ?? .nan)

let test = dataset.test ?? dataset.train
let label = try result.network.predict(pixels: test.pixels(of: 0))
print("example 0 of \(test.source): class \(test.labels[0]), predicted group \(label == 0 ? task.first : task.second)")

try ModelFile.save(result.network, to: modelPath)
let loaded = try ModelFile.load(from: modelPath)
guard try loaded.predict(test) == result.network.predict(test) else { fatalError("the reloaded model predicts otherwise") }
print("saved \(modelPath); the reloaded model predicts the same")
