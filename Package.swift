// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "knupp",
    products: [
        .executable(name: "knupp", targets: ["TUI"]),
        .library(name: "Model", targets: ["Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "Model",
            resources: [.copy("Resources/knupp.json")]
        ),
        .executableTarget(
            name: "TUI",
            dependencies: [
                "Model",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model"], exclude: ["Fixtures"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Model"], exclude: ["Snapshots", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
