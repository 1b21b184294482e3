// swift-tools-version:6.1
import PackageDescription

// A program that uses LUTNet as a library: trains, predicts and saves a network.
let package = Package(
    name: "LUTNetSwiftExample",
    dependencies: [
        .package(name: "LUTNet", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "TrainPredictSave",
            dependencies: [.product(name: "LUTNet", package: "LUTNet")]
        ),
    ]
)
