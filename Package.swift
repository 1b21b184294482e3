// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "LUTNet",
    products: [
        .library(name: "LUTNet", targets: ["LUTNet"]),
        // The C API as liblutnetc.so (the name lutnet is the command's: product names are unique).
        .library(name: "lutnetc", type: .dynamic, targets: ["LUTNetC"]),
        .executable(name: "lutnet", targets: ["LUTNetCLI"]),
    ],
    // `swift build --traits MPI` builds `lutnet train --mpi` over Open MPI (pkg-config `ompi-c`,
    // Debian's libopenmpi-dev); without the trait nothing needs MPI.
    traits: [
        .trait(name: "MPI", description: "Data-parallel training over Open MPI: lutnet train --mpi"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target LUTNet` builds the DocC catalog; the
        // plugin is built only when that command runs, never by `swift build` or `swift test`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Installed system libraries, found through pkg-config.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "COpenMPI",
            path: "Sources/COpenMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev"])]
        ),
        // The C kernels: gzip-compressed IDX decoding and the hot bit loops.
        .target(
            name: "CSupport",
            dependencies: ["CZlib"],
            path: "CSupport",
            exclude: ["README.md"]
        ),
        .target(
            name: "LUTNet",
            dependencies: ["CSupport", "CZlib"]
        ),
        // The logistic-regression baseline over OpenBLAS: what the command and the experiments set
        // beside LUT networks. The method's library and the C API do not link it.
        .target(
            name: "LUTNetBaseline",
            dependencies: ["LUTNet", "CSupport", "COpenBLAS"]
        ),
        // The paper's experiments, their result files, tables and SVG figures: what the command runs.
        .target(
            name: "LUTNetExperiments",
            dependencies: ["LUTNet", "LUTNetBaseline", "CZlib"]
        ),
        // The C API: the documented header lutnet.h, and its implementation in Swift.
        .target(name: "CLUTNetAPI"),
        .target(
            name: "LUTNetC",
            dependencies: ["LUTNet", "CLUTNetAPI"]
        ),
        // The ranks of a data-parallel run joined by MPI (compiled only with the MPI trait).
        .target(
            name: "LUTNetMPI",
            dependencies: ["LUTNet", .target(name: "COpenMPI", condition: .when(traits: ["MPI"]))]
        ),
        .executableTarget(
            name: "LUTNetCLI",
            dependencies: [
                "LUTNet",
                "LUTNetBaseline",
                "LUTNetExperiments",
                "LUTNetMPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LUTNetTests",
            dependencies: ["LUTNet", "LUTNetBaseline", "LUTNetExperiments", "CSupport", "LUTNetC", "CLUTNetAPI"]
        ),
    ]
)
