import ArgumentParser
import Foundation
import Model
import Presentation
import Synchronization

/// Notices when a file's modification time or size changes, checking once a second (so another
/// officer's save shows within two).
struct FileWatcher {
    let path: String
    private var signature: String
    private var lastCheck = Date()

    init(path: String) {
        self.path = path
        signature = FileWatcher.signature(path)
    }

    static func signature(_ path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "" }
        return "\(attributes[.modificationDate] ?? "")|\(attributes[.size] ?? "")"
    }

    mutating func changed() -> Bool {
        guard Date().timeIntervalSince(lastCheck) >= 1 else { return false }
        lastCheck = Date()
        let now = FileWatcher.signature(path)
        defer { signature = now }
        return now != signature
    }

    /// Our own save changed the file; that is not news.
    mutating func acknowledge() { signature = FileWatcher.signature(path) }
}
