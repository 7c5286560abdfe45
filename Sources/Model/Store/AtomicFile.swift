import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents so that a crash at any moment leaves either the old or the new file.
///
/// `Data.write(options: .atomic)` on Linux does not fsync the folder, resets the permissions
/// and replaces a symlink with a plain file; this does all three right.
public enum AtomicFile {
    /// The real file behind `path` (symlinks followed); `path` itself when it does not exist yet.
    public static func resolve(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The folder a file is in ("." for a bare name).
    public static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// True when something is at `path` (a dangling symlink counts as nothing).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// A file's bytes, or what is wrong: no file, a folder, a pipe or device, no permission.
    /// Checked before opening, so a pipe never blocks the read.
    public static func read(_ path: String) throws(StoreError) -> Data {
        Data(try readBytes(path))
    }

    /// The same, as an array: what the store's reader works on, with no copy on the way.
    public static func readBytes(_ path: String) throws(StoreError) -> [UInt8] {
        try readVersion(path).bytes
    }

    /// A file's bytes and the identity of the version read (`FileIdentity`): what a save
    /// compares just before it replaces the file, so that a file someone renamed over it
    /// meanwhile is never overwritten.
    public static func readVersion(_ path: String) throws(StoreError) -> (bytes: [UInt8], identity: FileIdentity) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: errnoText())
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder, not a file")
        default: throw .unreadable(path: path, reason: "it is not a regular file (a device, a pipe or a socket)")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: errnoText()) }
        defer { close(fd) }
        // The identity of what is read is the open file's, not the name's (the name may be
        // renamed over between the stat above and the open).
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: errnoText()) }
        // Read straight into the array that is returned, not zeroed first (the file's size; if
        // it grew meanwhile, the rest is read after).
        var failure: StoreError?
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(path: path, reason: errnoText())
                    return
                }
                if n == 0 { return }
                count += n
            }
            full = true
        }
        var chunk = [UInt8](repeating: 0, count: full ? 1 << 16 : 0)
        while full && failure == nil {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = .unreadable(path: path, reason: errnoText())
            } else if n == 0 {
                break
            } else {
                bytes.append(contentsOf: chunk[0..<n])
            }
        }
        if let failure { throw failure }
        // Written to while it was read: the identity says the version after, so a save compares
        // against a version it has not seen and starts again.
        var after = stat()
        let identity = fstat(fd, &after) == 0 ? FileIdentity(after) : FileIdentity(info)
        return (bytes, identity)
    }

    /// Returns a warning when the file is in place but its folder could not be synced.
    ///
    /// With `replacing`, the file is replaced only while it is still that version (see
    /// `write(chunks:to:replacing:)`); else `.changedOnDisk`, and nothing was written.
    @discardableResult
    public static func write(_ data: some ContiguousBytes, to path: String, replacing expected: FileIdentity? = nil,
                             createOnly: Bool = false) throws(StoreError) -> String? {
        var result: Result<String?, StoreError> = .success(nil)
        data.withUnsafeBytes { raw in
            result = Result { () throws(StoreError) in try write(chunks: [raw], to: path, replacing: expected, createOnly: createOnly) }
        }
        return try result.get()
    }

    /// The same for a file given in pieces, written one after the other (an edit in place writes
    /// the old bytes around its change without first copying them into one buffer).
    ///
    /// With `replacing`, the version read (a save's, inside the lock): programs that do not take
    /// knupp's lock (an editor, `git pull`, a sync client) may rename a new file over the store
    /// at any moment. Just before the new file goes in, the name is checked to still be that
    /// version; then the two are swapped in one step (`renameat2` with `RENAME_EXCHANGE`, which
    /// unlinks nothing) and what was swapped out is checked again: only the very version read
    /// is ever removed. Anything else is put back and `.changedOnDisk` thrown, for the save to
    /// start again on the new file. Where the file system cannot swap, a plain rename follows
    /// the check (a window of microseconds remains: docs/DECISIONS.md).
    @discardableResult
    ///
    /// With `createOnly`, the file is put in place only if nothing is at its name by then
    /// (`RENAME_NOREPLACE`); else `.exists`, and nothing was written.
    public static func write(chunks: [UnsafeRawBufferPointer], to path: String, replacing expected: FileIdentity? = nil,
                             createOnly: Bool = false) throws(StoreError) -> String? {
        let target = resolve(path)
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var info = stat()
        let existing = stat(target, &info) == 0
        let mode = existing ? info.st_mode & 0o7777 : 0o644
        let temp = "\(folder)/.\(name).tmp-\(temporaryTag)-\(UInt32.random(in: 0...UInt32.max))"

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: "cannot create a file in \(folder): \(errnoText())") }
        var failure: String?
        if fchmod(fd, mode) != 0 { failure = "cannot set permissions: \(errnoText())" }
        if existing { _ = fchown(fd, info.st_uid, info.st_gid) } // best effort: only root may give a file away
        if failure == nil {
            for raw in chunks where failure == nil {
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = "write: \(errnoText())"
                        break
                    }
                    offset += n
                }
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync: \(errnoText())" }
        var written = stat()
        let ours = fstat(fd, &written) == 0 ? FileIdentity(written) : nil
        if close(fd) != 0, failure == nil { failure = "close: \(errnoText())" }
        // A seam for the crash tests: stop here, the lock held and the new file written but not
        // yet in place, so that a test can kill the process at exactly this moment.
        // Debug builds only (the tests'): an installed knupp has no way to stop holding the lock.
        #if DEBUG
        if failure == nil, getenv("KNUPP_TEST_STOP_BEFORE_RENAME") != nil { raise(SIGSTOP) }
        #endif
        if let failure {
            unlink(temp)
            throw .writeFailed(path: path, reason: failure)
        }
        if let expected {
            try replace(target, with: temp, expected: expected, ours: ours, path: path)
        } else if createOnly {
            try create(target, from: temp, path: path)
        } else if rename(temp, target) != 0 {
            let reason = "rename: \(errnoText())"
            unlink(temp)
            throw .writeFailed(path: path, reason: reason)
        }
        // The rename is done; syncing the folder makes it survive a power cut. If that fails
        // the new file is in place all the same, so it is a warning, not a failed save.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { return "the folder \(folder) could not be opened to sync it (\(errnoText()))" }
        defer { close(dirFD) }
        if fsync(dirFD) != 0 && errno != EINVAL { return "the folder \(folder) could not be synced (\(errnoText()))" }
        return nil
    }

    /// Writes an output the officer named (a report): a plain file is replaced whole, as a save
    /// replaces the store (its own abandoned temporary files cleared first); a pipe, a device or
    /// a terminal (`/dev/stdout`, a FIFO) is written into, never replaced by a file; a folder is
    /// refused. Throws `.writeFailed` with the reason.
    public static func writeOutput(_ bytes: [UInt8], to path: String) throws(StoreError) {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .writeFailed(path: path, reason: "it is a folder; name a file in it")
            default:
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw .writeFailed(path: path, reason: errnoText()) }
                defer { close(fd) }
                var offset = 0
                while offset < bytes.count {
                    let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress?.advanced(by: offset), $0.count - offset) }
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw .writeFailed(path: path, reason: errnoText())
                    }
                    offset += n
                }
                return
            }
        }
        removeAbandonedTemporaries(for: path)
        try write(bytes, to: path)
    }

    /// Puts `temp` at `target` only if nothing is there: `renameat2` with `RENAME_NOREPLACE`, or
    /// a hard link where the file system cannot (both fail when a file is there).
    private static func create(_ target: String, from temp: String, path: String) throws(StoreError) {
        if knupp_renameat2(AT_FDCWD, temp, AT_FDCWD, target, knupp_rename_noreplace()) == 0 { return }
        var failure = errno
        if failure == EINVAL || failure == ENOSYS || failure == EOPNOTSUPP {
            if link(temp, target) == 0 {
                unlink(temp)
                return
            }
            failure = errno
        }
        unlink(temp)
        if failure == EEXIST { throw .exists(path: path) }
        throw .writeFailed(path: path, reason: "rename: \(String(cString: strerror(failure)))")
    }

    /// Puts `temp` in place of `target` if `target` is still the version `expected`; else leaves
    /// `target` as it is and throws `.changedOnDisk`. Removes nothing but `temp` and the version
    /// expected.
    private static func replace(_ target: String, with temp: String, expected: FileIdentity, ours: FileIdentity?, path: String) throws(StoreError) {
        func identity(_ name: String) -> FileIdentity? {
            var info = stat()
            return stat(name, &info) == 0 ? FileIdentity(info) : nil
        }
        guard identity(target) == expected else {
            unlink(temp)
            throw .changedOnDisk(path: path)
        }
        #if DEBUG
        // A seam for the tests: another program's rename lands between the check and the swap.
        AtomicFile.afterCheck?()
        #endif
        if knupp_renameat2(AT_FDCWD, temp, AT_FDCWD, target, knupp_rename_exchange()) != 0 {
            let swapErrno = errno
            guard swapErrno == EINVAL || swapErrno == ENOSYS || swapErrno == EOPNOTSUPP else {
                unlink(temp)
                throw .writeFailed(path: path, reason: "rename: \(String(cString: strerror(swapErrno)))")
            }
            // No exchange on this file system: the check above was the last word.
            if rename(temp, target) != 0 {
                let reason = "rename: \(errnoText())"
                unlink(temp)
                throw .writeFailed(path: path, reason: reason)
            }
            return
        }
        // `temp` now names what was the store: the version read, unless another program renamed
        // its file over the store in the microseconds since the check.
        if identity(temp) == expected {
            unlink(temp)
            return
        }
        // Theirs goes back; ours, swapped out again, is removed. If the store was replaced a second
        // time meanwhile, what comes back is not ours: it is kept beside the store, never removed.
        _ = knupp_renameat2(AT_FDCWD, temp, AT_FDCWD, target, knupp_rename_exchange())
        if let back = identity(temp), let ours, back.sameFile(as: ours) {
            unlink(temp)
            throw .changedOnDisk(path: path)
        }
        let kept = "\(target).displaced-\(temporaryTag)-\(UInt32.random(in: 0...UInt32.max))"
        if AtomicFile.exists(temp), rename(temp, kept) != 0 { unlink(kept) }
        throw .writeFailed(path: path, reason: "other programs replaced the file twice while knupp saved; "
                           + "one of their versions is kept as \(kept) and nothing of this save was written")
    }

    #if DEBUG
    /// Runs between a save's last check of the file and its swap (debug builds: the tests').
    @TaskLocal static var afterCheck: (@Sendable () -> Void)?
    #endif

    /// What names a temporary file as this process's: the host and the process number, so that a
    /// clean-up on one machine of a shared drive never takes another machine's file for abandoned.
    static var temporaryTag: String { "\(LockOwner.fileSafeHostName)-\(getpid())" }

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

    public static func errnoText() -> String { String(cString: strerror(errno)) }
}
