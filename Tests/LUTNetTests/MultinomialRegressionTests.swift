import XCTest
@testable import LUTNet
@testable import LUTNetBaseline

/// The multinomial baseline: its objective and gradient against finite differences and a direct
/// Double computation, its fit on a small fixture, and bad classes refused naming the data.
final class MultinomialRegressionTests: XCTestCase {
    private func tinyExamples(classes: Int = 4, features: BaselineFeatures = .bits) throws -> (train: (features: FeatureMatrix, classes: [UInt8]),
                                                          test: (features: FeatureMatrix, classes: [UInt8]),
                                                          task: MultiClassTask) {
        let data = try TinyDataset.make(classes: classes, trainPerClass: 50, testPerClass: 30)
        let task = try MultiClassTask(groups: (0..<classes).map { [UInt8($0)] })
        let train = try MultiClassBaseline.examples(of: data.train, task: task, features: features, threshold: 128)
        let test = try MultiClassBaseline.examples(of: try XCTUnwrap(data.test), task: task, features: .bits, threshold: 128)
        return (train, test, task)
    }

    func testGradientMatchesFiniteDifferencesAndTheObjectiveADirectSum() throws {
        let (train, _, _) = try tinyExamples()
        let passes = SoftmaxLossPasses(matrix: train.features, classes: train.classes, classCount: 4, c: 0.7, workers: 2)
        var generator = SeededGenerator(seed: 4)
        let point = (0..<passes.parameterCount).map { _ in Double(generator.draw(below: 2001)) / 1000 - 1 }
        let (objective, gradient) = passes.evaluate(point)
        let d = train.features.featureCount
        let model = MultinomialLogisticRegression(weights: (0..<4).map { Array(point[$0 * d ..< ($0 + 1) * d]) },
                                                  intercepts: Array(point.suffix(4)))
        let direct = try model.objective(on: train.features, classes: train.classes, c: 0.7)
        XCTAssertEqual(objective, direct, accuracy: 1e-5 * abs(direct))
        // Weights of several classes and every intercept.
        for j in [0, 5, d + 7, 3 * d + 63, 4 * d, 4 * d + 3] {
            let h = 1e-3
            var up = point, down = point
            up[j] += h
            down[j] -= h
            let numeric = (passes.evaluate(up).objective - passes.evaluate(down).objective) / (2 * h)
            XCTAssertEqual(gradient[j], numeric, accuracy: 1e-3 * max(1, abs(numeric)), "parameter \(j)")
        }
        // The same bits whatever the number of workers.
        let single = SoftmaxLossPasses(matrix: train.features, classes: train.classes, classCount: 4, c: 0.7, workers: 1)
        XCTAssertEqual(single.evaluate(point).gradient, gradient)
    }

    func testHessianProductAndDiagonalMatchTheGradientsChange() throws {
        // Bits (products over set bits) and grey levels (dense products, the diagonal from squares).
        for features in BaselineFeatures.allCases { try checkHessian(features: features) }
    }

    private func checkHessian(features: BaselineFeatures) throws {
        let (train, _, _) = try tinyExamples(features: features)
        XCTAssertEqual(SoftmaxLossPasses(matrix: train.features, classes: train.classes, classCount: 4, c: 0.7, workers: 2).setBits == nil,
                       features == .pixels)
        let passes = SoftmaxLossPasses(matrix: train.features, classes: train.classes, classCount: 4, c: 0.7, workers: 2)
        var generator = SeededGenerator(seed: 6)
        let point = (0..<passes.parameterCount).map { _ in Double(generator.draw(below: 2001)) / 4000 - 0.25 }
        let direction = (0..<passes.parameterCount).map { _ in Double(generator.draw(below: 2001)) / 1000 - 1 }
        _ = passes.evaluate(point)
        let product = passes.hessianProduct(direction), diagonal = passes.hessianDiagonal()
        let h = 1e-3
        var up = point, down = point
        axpy(h, direction, &up)
        axpy(-h, direction, &down)
        let gradientUp = passes.evaluate(up).gradient, gradientDown = passes.evaluate(down).gradient
        for j in Array(stride(from: 0, to: passes.parameterCount, by: 97)) + [passes.parameterCount - 1] {
            let numeric = (gradientUp[j] - gradientDown[j]) / (2 * h)
            XCTAssertEqual(product[j], numeric, accuracy: 2e-3 * max(1, abs(numeric)), "\(features), parameter \(j)")
        }
        // The diagonal is the Hessian's: eⱼᵀ·H·eⱼ.
        _ = passes.evaluate(point)
        let d = train.features.featureCount
        for j in [0, 9, d + 3, 4 * d, 4 * d + 2] {
            var unit = [Double](repeating: 0, count: passes.parameterCount)
            unit[j] = 1
            XCTAssertEqual(passes.hessianProduct(unit)[j], diagonal[j], accuracy: 1e-4 * max(1, diagonal[j]), "\(features), parameter \(j)")
        }
    }

    func testFitConvergesAndSeparatesTheFixture() throws {
        let (train, test, task) = try tinyExamples()
        let fit = try MultinomialLogisticRegression.fit(features: train.features, classes: train.classes, classCount: 4,
                                                        options: LogisticRegression.Options(c: 1, tolerance: 1e-6, maxIterations: 1000, threads: 2))
        XCTAssertEqual(fit.stopReason, .converged)
        XCTAssertLessThanOrEqual(fit.gradientMaxNorm, 1e-6)
        XCTAssertGreaterThanOrEqual(try fit.model.accuracy(on: train.features, classes: train.classes), 0.99)
        XCTAssertGreaterThanOrEqual(try fit.model.accuracy(on: test.features, classes: test.classes), 0.95)
        // The reported objective is the model's.
        XCTAssertEqual(fit.objective, try fit.model.objective(on: train.features, classes: train.classes, c: 1),
                       accuracy: 1e-6 * fit.objective)
        XCTAssertEqual(task.classCount, fit.model.classCount)
    }

    func testBadClassesAreRefusedNamingTheData() throws {
        let (train, _, _) = try tinyExamples()
        XCTAssertThrowsError(try MultinomialLogisticRegression.fit(features: train.features, classes: train.classes, classCount: 3)) { error in
            XCTAssertEqual((error as? BaselineError)?.description,
                           "tiny/train: example 3 has class 3; the 3 classes are 0 to 2")
        }
        XCTAssertThrowsError(try MultinomialLogisticRegression.fit(features: train.features, classes: train.classes, classCount: 5)) { error in
            XCTAssertEqual(error as? BaselineError, .emptyClass(source: "tiny/train", label: 4, examples: 200))
        }
    }
}
