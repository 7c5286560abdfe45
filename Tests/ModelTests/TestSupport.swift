import Foundation
@testable import Model

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped sample file.
let samplePath = packageRoot.appendingPathComponent("sample-data/knupp.json").path

func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/\(name)").path
}

/// A fresh temporary folder, removed when the returned object is released.
final class TempFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of the sample (or another file) in this folder.
    func copy(_ source: String = samplePath, as name: String = "programme.json") throws -> String {
        let target = path + "/" + name
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(source), toPath: target)
        return target
    }

    func file(_ name: String) -> String { path + "/" + name }
}

func loadSample() throws -> Programme {
    try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath).programme
}

func day(_ text: String) -> CalendarDate {
    CalendarDate(text) ?? CalendarDate.fromOrdinal(0)
}
