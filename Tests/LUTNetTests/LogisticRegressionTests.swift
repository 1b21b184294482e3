import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetBaseline

/// The logistic-regression baseline: agreement with a plainly written Newton's method, exact
/// solutions of symmetric problems, every bad input, and accuracy on Fashion-MNIST.
final class LogisticRegressionTests: XCTestCase {
    // MARK: - Agreement with an independent solver

    func testMatchesPlainNewtonOnASeededProblem() throws {
        for c in [0.1, 1.0, 10.0] {
            let problem = SeededProblem(examples: 300, features: 5, seed: 7)
            let options = LogisticRegression.Options(c: c, tolerance: 1e-7)
            let fit = try LogisticRegression.fit(features: problem.matrix, labels: problem.labels, options: options)
            let reference = PlainNewton.fit(rows: problem.rows, labels: problem.labels, c: c)

            XCTAssertTrue(fit.converged, "C = \(c)")
            XCTAssertLessThanOrEqual(fit.gradientMaxNorm, 1e-7, "C = \(c)")
            for (ours, theirs) in zip(fit.weights, reference.weights) {
                XCTAssertEqual(ours, theirs, accuracy: 1e-4, "C = \(c): weights \(fit.weights) vs \(reference.weights)")
            }
            XCTAssertEqual(fit.bias, reference.bias, accuracy: 1e-4, "C = \(c)")
            XCTAssertEqual(fit.objective, reference.objective, accuracy: 1e-7 * reference.objective, "C = \(c)")

            // The gradient, recomputed in Double at the returned parameters, vanishes.
            let gradient = PlainNewton.gradient(rows: problem.rows, labels: problem.labels, c: c,
                                                parameters: fit.weights + [fit.bias])
            let scaled = gradient.map(abs).max()! / (c * Double(problem.labels.count))
            XCTAssertLessThan(scaled, 1e-6, "C = \(c): gradient \(gradient)")
        }
    }

    func testPreconditionersAndThreadCountsReachTheSameSolution() throws {
        let problem = SeededProblem(examples: 700, features: 6, seed: 11)
        let reference = PlainNewton.fit(rows: problem.rows, labels: problem.labels, c: 1)
        let preconditioners: [NewtonCGSolver.Preconditioner] = [
            .diagonal, .subsampleHessian(rows: 40), .subsampleHessian(rows: 10_000),
        ]
        for preconditioner in preconditioners {
            var singleThreaded: [Double]?
            for threads in [1, 2, 3, 8] {
                var solver = NewtonCGSolver()
                solver.preconditioner = preconditioner
                solver.threads = threads
                let passes = LogisticLossPasses(matrix: problem.matrix, labels: problem.labels, c: 1, workers: threads)
                XCTAssertEqual(passes.blockCount, 3, "700 rows make 3 blocks of 256")
                XCTAssertEqual(passes.workers, min(threads, 3), "no more workers than blocks")
                let outcome = try solver.solve(passes, tolerance: 1e-7, maxIterations: 100)
                if let singleThreaded {
                    XCTAssertEqual(outcome.parameters, singleThreaded, "the same bits whatever the thread count")
                } else {
                    singleThreaded = outcome.parameters
                }
                XCTAssertEqual(outcome.stopReason, .converged, "\(preconditioner), \(threads) threads")
                for (ours, theirs) in zip(outcome.parameters, reference.weights + [reference.bias]) {
                    XCTAssertEqual(ours, theirs, accuracy: 1e-4, "\(preconditioner), \(threads) threads")
                }
                XCTAssertEqual(passes.passes, outcome.iterations + 1 + outcome.conjugateGradientSteps,
                               "one sweep per gradient and per Hessian-vector product")
            }
        }
    }

    /// Fits never touch OpenBLAS's process-wide thread count: two at once on other threads leave
    /// it as the program set it, and each gives the same model as a fit on its own.
    func testParallelFitsLeaveOpenBLASThreadCountAsSet() throws {
        let problem = SeededProblem(examples: 3000, features: 20, seed: 5)
        let options = LogisticRegression.Options(c: 1, tolerance: 1e-7, threads: 2)
        let alone = try LogisticRegression.fit(features: problem.matrix, labels: problem.labels, options: options)
        let before = OpenBLASThreads.current
        defer { OpenBLASThreads.set(before) }
        for setting in [1, 2] {
            OpenBLASThreads.set(setting)
            // Each fit writes its own slot, as the product's parallel loops do.
            var models = [LogisticRegression?](repeating: nil, count: 2)
            models.withUnsafeMutableBufferPointer { slots in
                let slots = SharedBuffer(slots)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    slots.base[index] = try? LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                                                    options: options).model
                }
            }
            XCTAssertEqual(OpenBLASThreads.current, setting)
            XCTAssertEqual(models[0], alone.model, "OpenBLAS set to \(setting) threads")
            XCTAssertEqual(models[1], alone.model, "OpenBLAS set to \(setting) threads")
        }
    }

    func testCholeskyFactorSolvesAcrossBlocks() throws {
        // A = B·Bᵀ + I of size 70.
        let n = 70
        var generator = ProblemRandom(seed: 3)
        let b = (0..<n * n).map { _ in generator.nextUnit() - 0.5 }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                a[i * n + j] = (0..<n).reduce(0) { $0 + b[i * n + $1] * b[j * n + $1] } + (i == j ? 1 : 0)
            }
        }
        let rhs = (0..<n).map { Double($0 % 7) - 3 }
        let factor = try XCTUnwrap(CholeskyFactor(matrix: a, size: n))
        let x = factor.solve(rhs)
        for i in 0..<n {
            let row = (0..<n).reduce(0) { $0 + a[i * n + $1] * x[$1] }
            XCTAssertEqual(row, rhs[i], accuracy: 1e-9)
        }
        XCTAssertNil(CholeskyFactor(matrix: [1, 2, 2, 1], size: 2), "[[1, 2], [2, 1]] is indefinite")
    }

    // MARK: - Exact solutions and sanity

    func testIdenticalExamplesGiveZeroWeightAndTheLogOddsBias() throws {
        // Every example is x = (1); 30% have label 1. The gradient in w and in b differ only by w,
        // so the optimum is w = 0 and σ(b) = 0.3.
        let labels: [UInt8] = (0..<100).map { $0 < 30 ? 1 : 0 }
        let matrix = try FeatureMatrix(values: [Float](repeating: 1, count: 100), exampleCount: 100, featureCount: 1)
        let fit = try LogisticRegression.fit(features: matrix, labels: labels, options: .init(tolerance: 1e-9))
        XCTAssertEqual(fit.weights[0], 0, accuracy: 1e-6)
        XCTAssertEqual(fit.bias, log(0.3 / 0.7), accuracy: 1e-6)
        XCTAssertEqual(try fit.accuracy(on: matrix, labels: labels), 0.7, "all predicted 0: the majority")
    }

    func testSeparableSymmetricDataHasTheClosedFormWeight() throws {
        // x = +1 with label 1 and x = −1 with label 0, 50 each. By symmetry b = 0, and w solves
        // w = C·n·(1 − σ(w)): finite thanks to the regularization, growing with C.
        var previous = 0.0
        for c in [0.01, 1.0, 100.0] {
            let values: [Float] = (0..<100).map { $0 % 2 == 0 ? 1 : -1 }
            let labels: [UInt8] = (0..<100).map { $0 % 2 == 0 ? 1 : 0 }
            let matrix = try FeatureMatrix(values: values, exampleCount: 100, featureCount: 1)
            let fit = try LogisticRegression.fit(features: matrix, labels: labels,
                                                 options: .init(c: c, tolerance: 1e-7))
            var low = 0.0, high = 1000.0
            for _ in 0..<200 {
                let mid = (low + high) / 2
                if mid < c * 100 * (1 - 1 / (1 + exp(-mid))) { low = mid } else { high = mid }
            }
            XCTAssertTrue(fit.converged, "C = \(c): gradient \(fit.gradientMaxNorm) after \(fit.iterations) iterations")
            XCTAssertEqual(fit.weights[0], low, accuracy: 1e-5 * max(1, low), "C = \(c)")
            XCTAssertEqual(fit.bias, 0, accuracy: 1e-6, "C = \(c)")
            XCTAssertEqual(try fit.accuracy(on: matrix, labels: labels), 1, "separable: all right")
            XCTAssertGreaterThan(fit.weights[0], previous, "less regularization, larger weight")
            previous = fit.weights[0]
        }
    }

    func testNonSeparableDataStaysBelowPerfectAccuracy() throws {
        // Overlapping classes: the seeded problem's labels are drawn from a logistic model.
        let problem = SeededProblem(examples: 500, features: 3, seed: 5)
        let fit = try LogisticRegression.fit(features: problem.matrix, labels: problem.labels)
        let accuracy = try fit.accuracy(on: problem.matrix, labels: problem.labels)
        XCTAssertGreaterThan(accuracy, 0.6, "better than the majority class")
        XCTAssertLessThan(accuracy, 1, "the classes overlap")
        let predicted = try fit.predict(on: problem.matrix)
        let values = try fit.model.decisionValues(on: problem.matrix)
        XCTAssertEqual(predicted, values.map { $0 > 0 ? 1 : 0 })
        XCTAssertEqual(try fit.model.objective(on: problem.matrix, labels: problem.labels, c: 1),
                       fit.objective, accuracy: 1e-6 * fit.objective)
    }

    func testIterationCapIsReported() throws {
        let problem = SeededProblem(examples: 300, features: 5, seed: 7)
        let fit = try LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                             options: .init(tolerance: 1e-12, maxIterations: 1))
        XCTAssertFalse(fit.converged)
        XCTAssertEqual(fit.stopReason, .iterationCap)
        XCTAssertEqual(fit.iterations, 1)
        XCTAssertGreaterThan(fit.gradientMaxNorm, 1e-12)
    }

    // MARK: - Features

    func testFeaturesFromImagesAreBitsOrScaledBytes() throws {
        let images = try ImageSet(pixels: [0, 127, 128, 255, 10, 200, 130, 0], imageShape: [2, 2],
                                  labels: [3, 8], source: "two.idx")
        let bits = try FeatureMatrix(images: images, indices: [1, 0], features: .bits, threshold: 128)
        XCTAssertEqual(bits.values, [0, 1, 1, 0, 0, 0, 1, 1], "rows in the order of the indices")
        XCTAssertEqual(bits.exampleCount, 2)
        XCTAssertEqual(bits.featureCount, 4)
        XCTAssertTrue(bits.isBinary)
        XCTAssertEqual(bits.source, "two.idx")
        let pixels = try FeatureMatrix(images: images, indices: [0], features: .pixels)
        XCTAssertEqual(pixels.values, [0, 127, 128, 255].map { Float($0) / 255 })
        XCTAssertFalse(pixels.isBinary)
        let low = try FeatureMatrix(images: images, indices: [0], threshold: 1)
        XCTAssertEqual(low.values, [0, 1, 1, 1])
    }

    func testFeaturesFromANetworksBitsEqualFeaturesFromItsPixels() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        for threshold: UInt8 in [1, 128, 200] {
            let bits = try BinarizedExamples(images: dataset.train, task: task, threshold: threshold, split: "train")
            let shared = try FeatureMatrix(bits: bits.inputs, source: dataset.train.source)
            let direct = try TaskBaseline.examples(of: dataset.train, task: task, features: .bits, threshold: threshold,
                                                   bothGroups: true)
            XCTAssertEqual(shared.values, direct.features.values, "threshold \(threshold)")
            XCTAssertEqual(shared.exampleCount, 600)
            XCTAssertEqual(shared.featureCount, 100)
            XCTAssertTrue(shared.isBinary)
            XCTAssertEqual(bits.labels.unpackedRow(0), direct.labels)
        }
        XCTAssertThrowsError(try FeatureMatrix(bits: BitMatrix(rowCount: 4, columnCount: 0), source: "none"))
    }

    func testDefaultThreadsAreCappedAsOnTheCommandLine() {
        XCTAssertEqual(LogisticRegression.Options().threads, ParallelWork.defaultThreads)
        XCTAssertLessThanOrEqual(LogisticRegression.Options().threads, ParallelWork.maxThreads)
        XCTAssertEqual(ParallelWork.maxThreads, 1024)
    }

    // MARK: - Bad input

    func testRejectsImpossibleOptions() throws {
        let problem = SeededProblem(examples: 20, features: 2, seed: 1)
        let cases: [(LogisticRegression.Options, BaselineError)] = [
            (.init(c: 0), .invalidRegularization(0)),
            (.init(c: -1), .invalidRegularization(-1)),
            (.init(c: .infinity), .invalidRegularization(.infinity)),
            (.init(tolerance: 0), .invalidTolerance(0)),
            (.init(tolerance: -1e-3), .invalidTolerance(-1e-3)),
            (.init(maxIterations: 0), .invalidIterationLimit(0)),
            (.init(threads: 0), .invalidThreadCount(0)),
        ]
        for (options, expected) in cases {
            XCTAssertThrowsError(try LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                                            options: options)) {
                XCTAssertEqual($0 as? BaselineError, expected)
            }
        }
        XCTAssertThrowsError(try LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                                        options: .init(c: .nan))) {
            guard case .invalidRegularization(let c) = $0 as? BaselineError else { return XCTFail("\($0)") }
            XCTAssertTrue(c.isNaN)
            XCTAssertTrue("\($0)".contains("a number from 1e-12 to 1e+12"), "\($0)")
        }
        // C whose products would overflow or underflow Float are refused.
        for c in [1e39, 1e-46, 1e12 * 1.0001, 1e-12 * 0.9999] {
            XCTAssertThrowsError(try LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                                            options: .init(c: c))) {
                XCTAssertEqual($0 as? BaselineError, .invalidRegularization(c))
            }
        }
    }

    func testExtremeRegularizationStaysSound() throws {
        // x = +1 with label 1 and x = −1 with label 0, 50 each: w solves w = C·n·(1 − σ(w)), b = 0.
        let values: [Float] = (0..<100).map { $0 % 2 == 0 ? 1 : -1 }
        let labels: [UInt8] = (0..<100).map { $0 % 2 == 0 ? 1 : 0 }
        let matrix = try FeatureMatrix(values: values, exampleCount: 100, featureCount: 1, source: "pm-one")
        // C = 1e-12: w ≈ C·n/2 = 5e-11, tiny but positive, so every example is still right.
        let weak = try LogisticRegression.fit(features: matrix, labels: labels, options: .init(c: 1e-12, tolerance: 1e-7))
        XCTAssertTrue(weak.converged)
        XCTAssertEqual(weak.stopReason, .converged)
        XCTAssertEqual(weak.weights[0], 5e-11, accuracy: 1e-14)
        XCTAssertEqual(try weak.accuracy(on: matrix, labels: labels), 1)
        // C = 1e12: w solves w = 1e14·(1 − σ(w)), about 28.9; the residuals scaled by C would be
        // far past what Float products should carry, the unscaled ones are not.
        let strong = try LogisticRegression.fit(features: matrix, labels: labels, options: .init(c: 1e12, tolerance: 1e-7))
        var low = 0.0, high = 100.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid < 1e14 * (1 / (1 + exp(mid))) { low = mid } else { high = mid }
        }
        // The tolerance is relative to C·n = 1e14, so the stop is loose: within 2% of the root.
        XCTAssertTrue(strong.converged)
        XCTAssertTrue(strong.objective.isFinite)
        XCTAssertEqual(strong.weights[0], low, accuracy: 0.02 * low)
        XCTAssertEqual(try strong.accuracy(on: matrix, labels: labels), 1)
    }

    func testATolerancePastFloatPrecisionStopsWithoutDescent() throws {
        // 1e-15 is below the floor the Float products put under the gradient: the fit stops when
        // no step decreases the objective, long before the iteration cap, and says so.
        let problem = SeededProblem(examples: 300, features: 5, seed: 7)
        let fit = try LogisticRegression.fit(features: problem.matrix, labels: problem.labels,
                                             options: .init(tolerance: 1e-15, maxIterations: 100))
        XCTAssertEqual(fit.stopReason, .noDescent)
        XCTAssertFalse(fit.converged)
        XCTAssertLessThan(fit.iterations, 100)
        XCTAssertGreaterThan(fit.gradientMaxNorm, 1e-15)
    }

    func testANonFiniteGradientIsAnErrorNotConvergence() throws {
        // Past the accepted range (here reached only by bypassing the options' check) C·(σ − t)
        // overflows even Double: the solver reports it instead of a "converged" garbage model.
        let problem = SeededProblem(examples: 50, features: 2, seed: 3)
        let passes = LogisticLossPasses(matrix: problem.matrix, labels: problem.labels, c: 1e308, workers: 1)
        XCTAssertThrowsError(try NewtonCGSolver().solve(passes, tolerance: 1e-6, maxIterations: 10)) {
            XCTAssertEqual($0 as? BaselineError, .nonFiniteFit(source: problem.matrix.source, c: 1e308, quantity: "gradient"))
            XCTAssertTrue("\($0)".contains("with C = 1e+308 reached a gradient that is not a finite number"), "\($0)")
        }
    }

    func testRejectsATaskWithAnEmptyClass() throws {
        let matrix = try FeatureMatrix(values: [0, 1, 1, 0, 1, 1], exampleCount: 3, featureCount: 2, source: "a.idx")
        for (labels, missing) in [([UInt8](repeating: 0, count: 3), UInt8(1)), ([1, 1, 1], 0)] {
            XCTAssertThrowsError(try LogisticRegression.fit(features: matrix, labels: labels)) {
                XCTAssertEqual($0 as? BaselineError, .missingClass(source: "a.idx", label: missing, examples: 3))
                XCTAssertEqual("\($0)", "a.idx: none of the 3 training examples has label \(missing); "
                               + "logistic regression needs examples of both classes")
            }
        }
    }

    func testRejectsMismatchedLabelsAndFeatureCounts() throws {
        let matrix = try FeatureMatrix(values: [0, 1, 1, 0, 1, 1], exampleCount: 3, featureCount: 2, source: "a.idx")
        XCTAssertThrowsError(try LogisticRegression.fit(features: matrix, labels: [0, 1])) {
            XCTAssertEqual($0 as? BaselineError, .labelCountMismatch(source: "a.idx", labels: 2, examples: 3))
        }
        XCTAssertThrowsError(try LogisticRegression.fit(features: matrix, labels: [0, 1, 2])) {
            XCTAssertEqual($0 as? BaselineError, .invalidLabel(source: "a.idx", example: 2, label: 2))
        }
        let model = LogisticRegression(weights: [1, 2, 3], bias: 0)
        XCTAssertThrowsError(try model.accuracy(on: matrix, labels: [0, 1, 1])) {
            XCTAssertEqual($0 as? BaselineError, .featureCountMismatch(source: "a.idx", modelFeatures: 3, dataFeatures: 2))
            XCTAssertEqual("\($0)", "a.idx: the data has 2 features per example but the model has 3 weights")
        }
        XCTAssertThrowsError(try model.predict(on: matrix)) {
            XCTAssertEqual($0 as? BaselineError, .featureCountMismatch(source: "a.idx", modelFeatures: 3, dataFeatures: 2))
        }
    }

    func testRejectsMalformedFeatureMatrices() throws {
        XCTAssertThrowsError(try FeatureMatrix(values: [1, 2, 3], exampleCount: 2, featureCount: 2, source: "m")) {
            XCTAssertEqual($0 as? BaselineError, .malformedMatrix(source: "m", values: 3, examples: 2, features: 2))
        }
        XCTAssertThrowsError(try FeatureMatrix(values: [], exampleCount: 0, featureCount: 2, source: "m")) {
            XCTAssertEqual($0 as? BaselineError, .emptyData(source: "m", examples: 0, features: 2))
        }
        XCTAssertThrowsError(try FeatureMatrix(values: [1, .nan, 3, 4], exampleCount: 2, featureCount: 2, source: "m")) {
            XCTAssertEqual($0 as? BaselineError, .nonFiniteFeature(source: "m", example: 0, feature: 1))
        }
        let images = try ImageSet(pixels: [1, 2, 3, 4], imageShape: [2], labels: [0, 1], source: "i.idx")
        XCTAssertThrowsError(try FeatureMatrix(images: images, indices: [0, 2])) {
            XCTAssertEqual($0 as? BaselineError, .exampleIndexOutOfRange(source: "i.idx", index: 2, count: 2))
        }
        XCTAssertThrowsError(try FeatureMatrix(images: images, indices: [])) {
            XCTAssertEqual($0 as? BaselineError, .emptyData(source: "i.idx", examples: 0, features: 2))
        }
        XCTAssertThrowsError(try FeatureMatrix(images: images, indices: [0], threshold: 0)) {
            XCTAssertEqual($0 as? BaselineError, .invalidThreshold(0))
        }
        XCTAssertNoThrow(try FeatureMatrix(images: images, indices: [0], features: .pixels, threshold: 0),
                         "pixels do not use the threshold")
    }

    // MARK: - Real data

    func testFashionMNISTSubsetAccuracy() throws {
        let folder = DatasetLoader.defaultLocation
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("Fashion-MNIST is not installed at \(folder) (Debian package dataset-fashion-mnist)")
        }
        let dataset = try DatasetLoader.load(path: folder)
        let test = try XCTUnwrap(dataset.test, "Fashion-MNIST has a test split")
        let task = try BinaryTask(parsing: "0-4:5-9")
        let trainSelection = task.select(from: dataset.train.labels)
        let testSelection = task.select(from: test.labels)
        let trainMatrix = try FeatureMatrix(images: dataset.train, indices: Array(trainSelection.indices.prefix(5000)))
        let testMatrix = try FeatureMatrix(images: test, indices: testSelection.indices)
        let trainLabels = Array(trainSelection.labels.prefix(5000))

        let fit = try LogisticRegression.fit(features: trainMatrix, labels: trainLabels)
        XCTAssertTrue(fit.converged)
        let trainAccuracy = try fit.accuracy(on: trainMatrix, labels: trainLabels)
        let testAccuracy = try fit.accuracy(on: testMatrix, labels: testSelection.labels)
        // scikit-learn's converged LogisticRegression(C=1) on the same bits: 0.9422 train, 0.8648 test.
        XCTAssertGreaterThan(trainAccuracy, 0.93)
        XCTAssertGreaterThan(testAccuracy, 0.855)
        XCTAssertEqual(testAccuracy, 0.8648, accuracy: 0.003)
    }
}

// MARK: - Test support

/// SplitMix64: a small seeded generator, so that every run sees the same problem.
private struct ProblemRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}

/// Features uniform in [−1, 1) and labels drawn from a logistic model with fixed true weights.
private struct SeededProblem {
    let rows: [[Double]]
    let labels: [UInt8]
    let matrix: FeatureMatrix

    init(examples: Int, features: Int, seed: UInt64) {
        var generator = ProblemRandom(seed: seed)
        let truth = (0..<features).map { Double($0 % 3) - 1 + 0.5 * Double($0) }
        var rows: [[Double]] = [], labels: [UInt8] = []
        for _ in 0..<examples {
            // Float-representable values, so the Float matrix and the Double reference agree exactly.
            let row = (0..<features).map { _ in Double(Float(2 * generator.nextUnit() - 1)) }
            let z = zip(row, truth).reduce(0.3) { $0 + $1.0 * $1.1 }
            labels.append(generator.nextUnit() < 1 / (1 + exp(-z)) ? 1 : 0)
            rows.append(row)
        }
        self.rows = rows
        self.labels = labels
        // The rows are finite and fill the matrix exactly.
        self.matrix = try! FeatureMatrix(values: rows.flatMap { $0.map(Float.init) },
                                         exampleCount: examples, featureCount: features, source: "seeded")
    }
}

/// Newton's method written out plainly in Double: explicit gradient and Hessian, Gaussian
/// elimination, step halving. Minimizes C · Σ log-loss + ½‖w‖², bias last and not regularized.
private enum PlainNewton {
    static func objective(rows: [[Double]], labels: [UInt8], c: Double, parameters: [Double]) -> Double {
        let d = parameters.count - 1
        var total = 0.0
        for (row, label) in zip(rows, labels) {
            let z = zip(row, parameters).reduce(parameters[d]) { $0 + $1.0 * $1.1 }
            total += c * (log(1 + exp(z)) - Double(label) * z)
        }
        return total + parameters.prefix(d).reduce(0) { $0 + $1 * $1 } / 2
    }

    static func gradient(rows: [[Double]], labels: [UInt8], c: Double, parameters: [Double]) -> [Double] {
        let d = parameters.count - 1
        var g = [Double](repeating: 0, count: d + 1)
        for (row, label) in zip(rows, labels) {
            let z = zip(row, parameters).reduce(parameters[d]) { $0 + $1.0 * $1.1 }
            let r = c * (1 / (1 + exp(-z)) - Double(label))
            for j in 0..<d { g[j] += r * row[j] }
            g[d] += r
        }
        for j in 0..<d { g[j] += parameters[j] }
        return g
    }

    static func fit(rows: [[Double]], labels: [UInt8], c: Double)
        -> (weights: [Double], bias: Double, objective: Double) {
        let d = rows[0].count
        var theta = [Double](repeating: 0, count: d + 1)
        for _ in 0..<100 {
            let g = gradient(rows: rows, labels: labels, c: c, parameters: theta)
            var h = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d + 1)
            for row in rows {
                let x = row + [1]
                let z = zip(x, theta).reduce(0) { $0 + $1.0 * $1.1 }
                let s = 1 / (1 + exp(-z))
                for a in 0...d { for b in 0...d { h[a][b] += c * s * (1 - s) * x[a] * x[b] } }
            }
            for j in 0..<d { h[j][j] += 1 }
            let step = solve(h, g.map { -$0 })
            var length = 1.0
            let current = objective(rows: rows, labels: labels, c: c, parameters: theta)
            while length > 1e-10 {
                let next = zip(theta, step).map { $0 + length * $1 }
                if objective(rows: rows, labels: labels, c: c, parameters: next) <= current { break }
                length /= 2
            }
            theta = zip(theta, step).map { $0 + length * $1 }
            if step.map(abs).max()! * length < 1e-13 { break }
        }
        return (Array(theta.prefix(d)), theta[d], objective(rows: rows, labels: labels, c: c, parameters: theta))
    }

    /// Gaussian elimination with partial pivoting.
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double] {
        var a = matrix, b = rhs
        let n = b.count
        for k in 0..<n {
            let pivot = (k..<n).max { abs(a[$0][k]) < abs(a[$1][k]) }!
            a.swapAt(k, pivot)
            b.swapAt(k, pivot)
            for i in (k + 1)..<n {
                let factor = a[i][k] / a[k][k]
                for j in k..<n { a[i][j] -= factor * a[k][j] }
                b[i] -= factor * b[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            x[i] = (b[i] - ((i + 1)..<n).reduce(0) { $0 + a[i][$1] * x[$1] }) / a[i][i]
        }
        return x
    }
}
