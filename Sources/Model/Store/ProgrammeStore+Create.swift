import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ProgrammeStore {
    /// Writes a new store file from `programme`. An existing file is replaced only with `force`,
    /// inside the lock like any save, after it has been kept as a timestamped backup beside it;
    /// the backup's path is returned. Whether a file is there is decided inside the lock, and
    /// anything but a plain "no such file" (a drive that fails, a folder that may not be read)
    /// refuses: a store that cannot be seen is never taken for no store.
    @discardableResult
    public static func create(path: String, programme: Programme, force: Bool = false, officer: String = "knupp",
                              now: Date = Date(), lockWait: Double = ProgrammeStore.defaultLockWait) throws(StoreError) -> String? {
        // A link to a file not there yet: the store is made where it points (a shared folder).
        var path = path
        if let target = danglingLinkTarget(path) { path = target }
        let folder = AtomicFile.folder(of: AtomicFile.resolve(path))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: L("cannot create the folder %@", "\(folder)"))
        }
        if access(folder, W_OK) != 0 { throw .readOnly(path: path, reason: L("you may not write in its folder %@", "\(folder)")) }
        let (lock, _) = try ProgrammeStore.lock(path, officer: officer, wait: lockWait, now: now)
        defer { _ = lock.releaseIfUntried() }
        let exists = try existence(of: path)
        if exists && !force { throw .exists(path: path) }
        // A store the officer may not write is not theirs to replace, whatever the folder allows.
        if exists, let reason = permission(path) { throw .readOnly(path: path, reason: reason) }
        var backup: String?
        var replaced: FileIdentity?
        if exists {
            let real = AtomicFile.resolve(path)
            var info = stat()
            guard stat(real, &info) == 0 else { throw .unreadable(path: path, reason: L("cannot tell what is there (%@); nothing was changed", "\(AtomicFile.errnoText())")) }
            replaced = FileIdentity(info)
            let stamp = isoMoment(now).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
            var candidate = "\(real).backup-\(stamp)"
            var n = 2
            while try existence(of: candidate) { candidate = "\(real).backup-\(stamp)-\(n)"; n += 1 }
            // A hard link keeps the old file whole under the new name; the rename of the new
            // store over the old name then leaves it there. Copy where links are not supported.
            if link(real, candidate) != 0 {
                do { try FileManager.default.copyItem(atPath: real, toPath: candidate) } catch {
                    throw .writeFailed(path: path, reason: L("cannot keep a backup at %@: %@", "\(candidate)", "\(error.localizedDescription)"))
                }
            }
            backup = candidate
        }
        // Only over the very file kept as the backup; and where there was none, only if none
        // appeared meanwhile (a git checkout, another program): never a file nobody kept.
        try AtomicFile.write(StoreDocument(revision: 1, programme: programme).encoded(), to: path, replacing: replaced, createOnly: replaced == nil)
        return backup
    }

    /// Puts `bytes` (a whole store: they must read as one) in place of the file at `path`, inside
    /// the lock like any save, only while the file is still `expected`: what a merge git left
    /// unfinished writes when knupp finishes it. `.changedOnDisk` when someone saved meanwhile.
    public static func replace(path: String, expecting expected: [UInt8], with bytes: [UInt8], officer: String,
                               lockWait: Double = ProgrammeStore.defaultLockWait) throws(StoreError) {
        _ = try StoreDocument.decode(bytes: bytes, path: path)
        let (lock, _) = try ProgrammeStore.lock(path, officer: officer, wait: lockWait)
        defer { _ = lock.releaseIfUntried() }
        AtomicFile.removeAbandonedTemporaries(for: path)
        let (onDisk, identity) = try AtomicFile.readVersion(path)
        guard onDisk == expected else { throw .changedOnDisk(path: path) }
        try AtomicFile.write(bytes, to: path, replacing: identity)
    }

    /// Runs `body` holding the store's lock, as a save does: for another program that writes the
    /// store and cannot take the lock itself (git merging colleagues' changes into it during a
    /// sync), so that no knupp saves in the middle of it.
    public static func holdingLock<T>(path: String, officer: String, wait: Double = ProgrammeStore.defaultLockWait,
                                      _ body: () -> T) throws(StoreError) -> T {
        let (lock, _) = try ProgrammeStore.lock(path, officer: officer, wait: wait)
        defer { _ = lock.releaseIfUntried() }
        return body()
    }

    /// Where a symbolic link at `path` points when nothing is there (relative to the link's folder).
    static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0, errno == ENOENT,
              let target = AtomicFile.linkTarget(path) else { return nil }
        return target.hasPrefix("/") ? target : AtomicFile.folder(of: path) + "/" + target
    }

    /// True when a file is at `path`, false only when the system says there is none (ENOENT);
    /// any other answer throws, naming it.
    static func existence(of path: String) throws(StoreError) -> Bool {
        var info = stat()
        for _ in 0..<3 {
            if stat(path, &info) == 0 { return true }
            if errno == ENOENT { return false }
            if errno != EINTR { break }
        }
        throw .unreadable(path: path, reason: L("cannot tell whether a store is there (%@); nothing was changed", "\(AtomicFile.errnoText())"))
    }
}
