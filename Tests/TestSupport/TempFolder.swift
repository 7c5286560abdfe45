import Foundation
import Model

/// A fresh temporary folder, removed when the object is released.
public final class TempFolder {
    public let path: String

    public init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of the sample (or another file) in this folder.
    public func copy(_ source: String = samplePath, as name: String = "programme.json") throws -> String {
        let target = path + "/" + name
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(source), toPath: target)
        return target
    }

    /// A copy of the sample in this folder.
    public func copySample(as name: String = "programme.json") throws -> String { try copy(as: name) }

    public func file(_ name: String) -> String { path + "/" + name }
}
