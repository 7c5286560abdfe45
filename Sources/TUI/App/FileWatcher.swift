import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices when the store file changes, checking once a second (so another officer's save shows
/// within two). The signature is the file's identity and times to the nanosecond: a save
/// renames a new file into place (a new inode), so two saves in one second of equal size are
/// still two changes. Our own saves are noticed too; the reload then finds the bytes it already
/// has and does nothing, so no save in between can be missed.
struct FileWatcher {
    let path: String
    private var signature: [Int]
    private var lastCheck = Date()

    init(path: String) {
        self.path = path
        signature = FileWatcher.signature(path)
    }

    static func signature(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
                info.st_ctim.tv_sec, info.st_ctim.tv_nsec]
    }

    mutating func changed() -> Bool {
        guard Date().timeIntervalSince(lastCheck) >= 1 else { return false }
        lastCheck = Date()
        let now = FileWatcher.signature(path)
        defer { signature = now }
        return now != signature
    }
}
