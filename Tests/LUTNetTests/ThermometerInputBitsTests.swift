import CLUTNetAPI
import CSupport
import Foundation
import XCTest
@testable import LUTNet

/// Thermometer input bits (`thermometer:N`) and input bits for multi-class models: the kernel's
/// exact bytes, the option's refusals, and a multi-class model that trains on encoded bits, saves
/// as version 8, loads back and predicts from raw images (Swift, command line and C API).
final class ThermometerInputBitsTests: XCTestCase {
    func testTheKernelWritesEachThermometerLevelOfAHandMadeImage() {
        // thermometer:3 steps at 64, 128, 192; a byte equal to a step is at or above it.
        XCTAssertEqual((1...3).map { lutnet_thermometer_step($0, 3) }, [64, 128, 192])
        XCTAssertEqual(lutnet_thermometer_step(1, 1), 128)
        let pixels: [UInt8] = [0, 63, 64, 200, 255, 128]
        XCTAssertEqual(lutnet_encoded_channels(1, LUTNET_ENCODE_THERMOMETER, 3), 3)
        XCTAssertEqual(EncodingKernel.encode(pixels, height: 2, width: 3, channels: 1, families: LUTNET_ENCODE_THERMOMETER, levels: 3), [0, 0, 0, 0, 0, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0])
        // With the threshold bytes first, per RGB pixel: 3 bytes, then 2 levels (85, 170) per channel.
        XCTAssertEqual(lutnet_encoded_channels(3, LUTNET_ENCODE_THRESHOLD | LUTNET_ENCODE_THERMOMETER, 2), 9)
        XCTAssertEqual(EncodingKernel.encode([10, 100, 180], height: 1, width: 1, channels: 3,
                                             families: LUTNET_ENCODE_THRESHOLD | LUTNET_ENCODE_THERMOMETER, levels: 2), [10, 100, 180, 0, 0, 255, 0, 255, 255])
        // Levels out of range: nothing is written.
        let untouched = EncodingKernel.encode([1, 2, 3, 4], height: 1, width: 4, channels: 1, families: LUTNET_ENCODE_THERMOMETER, levels: 65)
        XCTAssertEqual(Set(untouched), [7])
    }

    func testTheOptionReadsThermometersAndRefusesImpossibleOnes() throws {
        XCTAssertEqual(try InputBitFamily.list(parsing: "thermometer:3,mean"), [.mean, .thermometer(levels: 3)])
        let encoding = try InputEncoding(families: [.thermometer(levels: 3), .threshold], channels: 1)
        XCTAssertEqual(encoding.description, "threshold,thermometer:3")
        XCTAssertEqual(encoding.encodedChannels, 4)
        XCTAssertEqual(encoding.encodedShape([28, 28]), [28, 28, 4])
        func message(_ text: String) -> String {
            do { _ = try InputBitFamily.list(parsing: text); return "accepted" } catch { return error.description }
        }
        XCTAssertEqual(message("thermometer:0"), "invalid --input-bits: 'thermometer:0': a thermometer takes 1 to 64 levels, as thermometer:3")
        XCTAssertEqual(message("thermometer:x"), "invalid --input-bits: 'thermometer:x': a thermometer takes 1 to 64 levels, as thermometer:3")
        XCTAssertEqual(message("thermometer"), "invalid --input-bits: 'thermometer' is not a family of input bits; use threshold, mean, opponents, thermometer:N, neighbours:D and deskew, separated by ','")
        XCTAssertEqual(message("thermometer:2,thermometer:3"), "invalid --input-bits: 'thermometer:2,thermometer:3' names thermometer twice")
        XCTAssertThrowsError(try InputEncoding(families: [.thermometer(levels: 2), .thermometer(levels: 3)], channels: 1)) {
            XCTAssertEqual("\($0)", "invalid --input-bits: thermometer:2,thermometer:3: one thermometer at most")
        }
        XCTAssertThrowsError(try InputEncoding(families: [.thermometer(levels: 99)], channels: 1)) {
            XCTAssertEqual("\($0)", "invalid --input-bits: thermometer:99: a thermometer takes 1 to 64 levels")
        }
    }

    /// One level at 128 reads what the threshold bits at 128 read: the same model, whatever the family.
    func testOneLevelIsTheThresholdBits() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "2x16"), seed: 3, threads: 1)
        let task = try BinaryTask(parsing: "0-4:5-9")
        let one = try LUTNetwork.train(on: dataset, task: task, inputBits: [.thermometer(levels: 1)], options: options)
        let plain = try LUTNetwork.train(on: dataset, task: task, options: options)
        XCTAssertEqual(one.network.layers, plain.network.layers)
        XCTAssertEqual(one.report.testAccuracy, plain.report.testAccuracy)
    }

    /// A ten-class model of the tiny fixture that reads the thermometer and mean bits.
    private func tinyMultiClass(bits: [InputBitFamily] = [.mean, .thermometer(levels: 3)],
                                seed: UInt64 = 2) throws -> (MultiClassTrainingResult, Dataset) {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 6, hiddenWidths: [24, 12]), seed: seed,
                                                wiring: try WiringSpec(parsing: "hier:4,8,2"), threads: 2)
        return (try MultiClassNetwork.train(on: dataset, task: try MultiClassTask(parsing: "0:1:2:3:4:5:6:7:8:9"),
                                            inputBits: bits, options: options), dataset)
    }

    func testAMultiClassModelTrainsOnEncodedBitsSavesAsVersion8AndPredictsFromRawImages() throws {
        let (trained, dataset) = try tinyMultiClass()
        let network = trained.network
        XCTAssertEqual(network.encoding.description, "mean,thermometer:3")
        XCTAssertEqual(network.inputCount, 400)
        XCTAssertEqual(network.featureCount, 100)
        let test = try XCTUnwrap(dataset.test)
        let predicted = try network.predict(test)
        let right = zip(predicted, test.labels).filter { $0 == $1 }.count
        XCTAssertEqual(Double(right) / Double(test.count), try XCTUnwrap(trained.testConfusion).accuracy, accuracy: 1e-12)
        for n in [0, 5, test.count - 1] { XCTAssertEqual(try network.predict(pixels: test.pixels(of: n)), predicted[n]) }
        let bytes = ModelFile.encode(network)
        XCTAssertEqual(bytes[8], 8)
        guard case .multiClass(let read) = try ModelFile.decodeModel(bytes, path: "m.lut") else { return XCTFail("multi-class") }
        XCTAssertEqual(read, network)
        XCTAssertEqual(ModelFile.encode(read), bytes)
        XCTAssertEqual(TrainedModel.multiClass(read).featureCount, 100)
        // Random and window wiring (no wiring text in versions 3) load back too.
        for wiring in ["random", "local:4"] {
            let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: [8]), seed: 1,
                                                    wiring: try WiringSpec(parsing: wiring), threads: 1)
            let model = try MultiClassNetwork.train(on: dataset, task: try MultiClassTask(parsing: "0:1:2"), inputBits: [.mean],
                                                    options: options).network
            XCTAssertEqual(try ModelFile.decodeModel(ModelFile.encode(model), path: "\(wiring).lut"), .multiClass(model), wiring)
        }
        // Without input bits the model is written as version 8 too (it records the patterns
        // training showed), with no section.
        let (plain, _) = try tinyMultiClass(bits: [.threshold])
        let plainBytes = ModelFile.encode(plain.network)
        XCTAssertEqual(plainBytes[8], 8)
        let plainSections = try XCTUnwrap(plainBytes.firstRange(of: Array("hier:4,8,2".utf8))).upperBound
        XCTAssertEqual(Array(plainBytes[plainSections..<plainSections + 4]), [0, 0, 0, 0], "no section")
        // Its accuracy differs from the encoded model's: the bits reached the tables.
        XCTAssertNotEqual(plain.network.classLayers[0][0].tables, network.classLayers[0][0].tables)
        // An unknown section is refused naming the file.
        var unknown = Array(bytes.dropLast(4))
        let wiringText = Array("hier:4,8,2".utf8)
        let sectionTag = try XCTUnwrap(unknown.firstRange(of: wiringText)).upperBound + 4
        unknown[sectionTag] = 9
        unknown += withUnsafeBytes(of: ModelFile.crc(unknown[...]).littleEndian) { Array($0) }
        XCTAssertThrowsError(try ModelFile.decodeModel(unknown, path: "u.lut")) {
            XCTAssertEqual("\($0)", "u.lut: malformed model file: a section of tag 9, unknown to this build")
        }
    }

    /// The C API trains the same multi-class model from `input_bits` and answers from raw bytes.
    func testTheCAPITrainsAMultiClassModelOnInputBits() throws {
        let c = try CAPITraining(data: Fixtures.path("tiny"), layers: "24,12")
        c.parameters.k = 6
        c.parameters.seed = 2
        let (status, model) = "mean,thermometer:3".withCString { bits in
            "hier:4,8,2".withCString { wiring in
                c.parameters.input_bits = bits
                c.parameters.wiring = wiring
                defer { c.parameters.input_bits = nil; c.parameters.wiring = nil }
                return c.train(task: "all")
            }
        }
        XCTAssertEqual(status, LUTNET_OK, c.message)
        defer { lutnet_model_free(model) }
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("c-mc.lut").path
        XCTAssertEqual(lutnet_model_save(model, path, &c.error), LUTNET_OK)
        let (trained, dataset) = try tinyMultiClass()
        XCTAssertEqual(try ModelFile.loadModel(from: path), .multiClass(trained.network))
        XCTAssertEqual(lutnet_model_input_count(model), 100)
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(try CAPITraining.answers(ofModelAt: path, on: test), try trained.network.predict(test))
    }
}

extension CommandLineTests {
    /// `lutnet train --task all --input-bits` saves a multi-class model that `eval` reads with its
    /// encoding, at the accuracy training measured.
    func testMultiClassInputBitsTrainAndEvaluate() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = folder.appendingPathComponent("mc-bits.lut").path
        let data = Fixtures.path("tiny")
        let trained = try run(["train", "--data", data, "--task", "all", "--k", "6", "--layers", "24,12", "--window", "4",
                               "--input-bits", "thermometer:3", "--save", model, "--json"])
        XCTAssertEqual(trained.status, 0, trained.errors)
        let report = try JSONSerialization.jsonObject(with: Data(trained.output.utf8)) as? [String: Any]
        XCTAssertEqual(report?["inputBits"] as? String, "thermometer:3")
        let accuracy = try XCTUnwrap((report?["test"] as? [String: Any])?["accuracy"] as? Double)
        let evaluated = try run(["eval", "--model", model, "--data", data])
        XCTAssertEqual(evaluated.status, 0, evaluated.errors)
        XCTAssertTrue(evaluated.output.contains("input bits thermometer:3"), evaluated.output)
        XCTAssertTrue(evaluated.output.contains(String(format: "%.4f", accuracy)), evaluated.output)
    }
}
