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
        let read = try readVersion(path, digesting: false)
        return (read.bytes, read.identity)
    }

    /// The same, with the bytes' digest (`StoreDigest(of: bytes)`): for a large file taken on the
    /// other core as the pieces arrive (`DigestBehind`), not in a second pass after the read.
    public static func readDigested(_ path: String) throws(StoreError) -> (bytes: [UInt8], identity: FileIdentity, digest: StoreDigest) {
        let read = try readVersion(path, digesting: true)
        return (read.bytes, read.identity, read.digest ?? StoreDigest(of: read.bytes))
    }

    /// The digest is nil unless it was taken beside the read (`digesting`, a large file).
    private static func readVersion(_ path: String, digesting: Bool) throws(StoreError) -> (bytes: [UInt8], identity: FileIdentity, digest: StoreDigest?) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: errnoText())
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: L("it is a folder, not a file"))
        default: throw .unreadable(path: path, reason: L("it is not a regular file (a device, a pipe or a socket)"))
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
        var behind: StoreDigest.Builder?
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, count in
            count = 0
            // A large file is read in pieces, each hashed on the other core once it is in.
            let hasher = digesting && buffer.count > StoreDigest.besideFrom ? DigestBehind(UnsafeRawPointer(buffer.baseAddress!)) : nil
            func readAll() {
                defer { hasher?.finish() }
                while count < buffer.count {
                    let want = hasher == nil ? buffer.count - count : min(DigestBehind.piece, buffer.count - count)
                    let n = Glibc.read(fd, buffer.baseAddress! + count, want)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = .unreadable(path: path, reason: errnoText())
                        return
                    }
                    if n == 0 { return }
                    count += n
                    hasher?.advance(to: count)
                }
                full = true
            }
            if let hasher {
                TwoCores.both(readAll, hasher.run)
                behind = hasher.builder
            } else {
                readAll()
            }
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
                chunk.withUnsafeBytes { behind?.add(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            }
        }
        if let failure { throw failure }
        // Written to while it was read: the identity says the version after, so a save compares
        // against a version it has not seen and starts again.
        var after = stat()
        let identity = fstat(fd, &after) == 0 ? FileIdentity(after) : FileIdentity(info)
        return (bytes, identity, behind?.digest)
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
        try write(to: path, replacing: expected, createOnly: createOnly) { emit in
            for raw in chunks where emit(raw) {}
            return nil
        }
    }

    /// The same for a file made as it is written: `produce` hands its pieces to `emit` (false
    /// once a write failed: stop) and returns nil, or why it could not make the file (then
    /// nothing is put in place). What lets a large store be saved without holding it whole.
    public static func write(to path: String, replacing expected: FileIdentity? = nil, createOnly: Bool = false,
                             produce: ((UnsafeRawBufferPointer) -> Bool) -> String?) throws(StoreError) -> String? {
        let target = resolve(path)
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var info = stat()
        let existing = stat(target, &info) == 0
        let mode = existing ? info.st_mode & 0o7777 : 0o644
        let temp = "\(folder)/.\(name).tmp-\(temporaryTag)-\(UInt32.random(in: 0...UInt32.max))"

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: L("cannot create a file in %@: %@", "\(folder)", "\(errnoText())")) }
        var failure: String?
        if fchmod(fd, mode) != 0 { failure = L("cannot set permissions: %@", "\(errnoText())") }
        if existing { _ = fchown(fd, info.st_uid, info.st_gid) } // best effort: only root may give a file away
        if failure == nil {
            let problem = produce { raw in
                guard failure == nil else { return false }
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = "write: \(errnoText())"
                        return false
                    }
                    offset += n
                }
                return true
            }
            if failure == nil { failure = problem }
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
        guard dirFD >= 0 else { return L("the folder %@ could not be opened to sync it (%@)", "\(folder)", "\(errnoText())") }
        defer { close(dirFD) }
        if fsync(dirFD) != 0 && errno != EINVAL { return L("the folder %@ could not be synced (%@)", "\(folder)", "\(errnoText())") }
        return nil
    }

    public static func errnoText() -> String { String(cString: strerror(errno)) }
}
