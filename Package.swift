// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CliffBench",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CliffBench", targets: ["CliffBench"]),
        .executable(name: "cliffbench", targets: ["cliffbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "CliffBench",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "cliffbench",
            dependencies: [
                "CliffBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "cliffbench-bench",
            dependencies: ["CliffBench"],
            path: "Benchmarks/ScanBenchmark"
        ),
        .testTarget(
            name: "CliffBenchTests",
            dependencies: ["CliffBench", "cliffbench"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
