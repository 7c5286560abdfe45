// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "knupp",
    products: [
        .executable(name: "knupp", targets: ["TUI"]),
        .executable(name: "knupp-bench", targets: ["KnuppBench"]),
        .library(name: "Model", targets: ["Model"]),
        .library(name: "Presentation", targets: ["Presentation"]),
        .library(name: "Sync", targets: ["Sync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // System calls Swift's Glibc module leaves out (renameat2 for a save's exchange).
        .target(name: "CSystem"),
        // The programme: the domain (Domain/) and the JSON store that keeps it (Store/). No UI.
        .target(
            name: "Model",
            dependencies: ["CSystem", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/knupp.json")]
        ),
        // What every front shares: reports, text formatting, tables, display width, sanitising,
        // the --json shapes, filters, the wording of errors.
        .target(
            name: "Presentation",
            dependencies: ["Model"],
            // The words in each language (`Texts`), read by knupp itself: English, Korean.
            resources: [.copy("Resources/en.lproj"), .copy("Resources/ko.lproj")]
        ),
        // Starting programs (git, $EDITOR, the built knupp in tests) so that each always ends.
        .target(name: "Processes"),
        // The store shared through git: `knupp sync` and the history of every change (`knupp log`).
        .target(
            name: "Sync",
            dependencies: ["Model", "Processes"]
        ),
        .executableTarget(
            name: "TUI",
            dependencies: [
                "Model",
                "Presentation",
                "Sync",
                "Processes",
                "CNcurses",
                "CSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Large programmes from a fixed seed, for benchmarks and the large-store tests.
        .target(
            name: "Generator",
            dependencies: ["Model"]
        ),
        // `swift run -c release knupp-bench`: knupp against the tools officers know (scripts/bench).
        .executableTarget(
            name: "KnuppBench",
            dependencies: ["Model", "Presentation", "Generator"]
        ),
        // Helpers both test targets use: temporary folders, the sample, running the built binary.
        .target(
            name: "TestSupport",
            dependencies: ["Model", "Processes"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Presentation", "Generator", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Model", "Presentation", "Sync", "Generator", "TestSupport"], exclude: ["Snapshots", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
