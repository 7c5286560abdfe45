// swift-tools-version:6.0
// The store loader under libFuzzer, apart from the main package so that an ordinary
// `swift build` never needs the fuzzer's runtime. Run it with `scripts/fuzz [SECONDS]`.
import PackageDescription

let package = Package(
    name: "knupp-fuzz",
    dependencies: [.package(name: "knupp", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzLoader",
            dependencies: [.product(name: "Model", package: "knupp")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
