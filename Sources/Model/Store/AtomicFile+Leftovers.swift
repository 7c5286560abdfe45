import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicFile {
    /// Removes temporary files a save left behind when its process was killed mid-write
    /// (`.NAME.tmp-HOST-PID-N`, and a lock being created, `NAME.lock.new-HOST-PID`): only this
    /// host's, whose process is gone. Called by the store's lock holder, and before a report or a
    /// merge is written.
    public static func removeAbandonedTemporaries(for path: String) {
        let target = resolve(path)
        let name = (target as NSString).lastPathComponent
        removeAbandonedTemporaries(in: folder(of: target)) { $0 == name }
    }

    /// The same for every file in `folder` whose name `belongs`.
    public static func removeAbandonedTemporaries(in folder: String, where belongs: (String) -> Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let host = LockOwner.fileSafeHostName + "-"
        for entry in names {
            let parts: (base: Substring, tag: Substring)
            if entry.hasPrefix("."), let tmp = entry.range(of: ".tmp-", options: .backwards) {
                parts = (entry[entry.index(after: entry.startIndex)..<tmp.lowerBound], entry[tmp.upperBound...])
            } else if let new = entry.range(of: ".lock.new-", options: .backwards) {
                parts = (entry[..<new.lowerBound], entry[new.upperBound...])
            } else { continue }
            guard belongs(String(parts.base)) else { continue }
            let file = folder + "/" + entry
            if parts.tag.hasPrefix(host) {
                let pidText = parts.tag.dropFirst(host.count).prefix { $0.isASCII && $0.isNumber }
                guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                unlink(file)
            } else if parts.tag.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }) {
                // An earlier knupp's, which named no host: removed only when an hour old (no save
                // takes that long), since it may be another machine's.
                var info = stat()
                guard lstat(file, &info) == 0, Double(info.st_mtim.tv_sec) < Date().timeIntervalSince1970 - 3600 else { continue }
                unlink(file)
            }
        }
    }
}
