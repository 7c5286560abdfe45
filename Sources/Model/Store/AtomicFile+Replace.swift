import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicFile {
    /// Writes an output the officer named (a report): a plain file is replaced whole, as a save
    /// replaces the store (its own abandoned temporary files cleared first); a pipe, a device or
    /// a terminal is written into, never replaced by a file; one of this process's own descriptors
    /// (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`) is written through that descriptor (so
    /// `--output /dev/stdout >> log` appends, as the shell asked); a folder, and a link to nothing,
    /// are refused. Throws `.writeFailed` with the reason.
    public static func writeOutput(_ bytes: [UInt8], to path: String) throws(StoreError) {
        if let fd = ownDescriptor(path) {
            guard fcntl(fd, F_GETFD) != -1 else { throw .writeFailed(path: path, reason: L("descriptor %@ is not open", "\(fd)")) }
            try writeAll(bytes, to: fd, path: path)
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .writeFailed(path: path, reason: L("it is a folder; name a file in it"))
            default:
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw .writeFailed(path: path, reason: errnoText()) }
                defer { close(fd) }
                try writeAll(bytes, to: fd, path: path)
                return
            }
        } else if lstat(path, &info) == 0 {
            // A link to nothing: writing would replace the link itself with a file.
            throw .writeFailed(path: path, reason: "it is a link to \(linkTarget(path) ?? "a file") that does not exist; name the file itself")
        }
        removeAbandonedTemporaries(for: path)
        try write(bytes, to: path)
    }

    /// The descriptor a path names in this process (`/dev/stdout` is 1, `/dev/fd/3` is 3), or nil.
    static func ownDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress?.advanced(by: offset), $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: errnoText())
            }
            offset += n
        }
    }

    /// Puts `temp` at `target` only if nothing is there: `renameat2` with `RENAME_NOREPLACE`, or
    /// a hard link where the file system cannot (both fail when a file is there).
    static func create(_ target: String, from temp: String, path: String) throws(StoreError) {
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
    static func replace(_ target: String, with temp: String, expected: FileIdentity, ours: FileIdentity?, path: String) throws(StoreError) {
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
        throw .writeFailed(path: path, reason: L("other programs replaced the file twice while knupp saved; ")
                           + L("one of their versions is kept as %@ and nothing of this save was written", "\(kept)"))
    }

    #if DEBUG
    /// Runs between a save's last check of the file and its swap (debug builds: the tests').
    @TaskLocal static var afterCheck: (@Sendable () -> Void)?
    #endif

    /// What names a temporary file as this process's: the host and the process number, so that a
    /// clean-up on one machine of a shared drive never takes another machine's file for abandoned.
    static var temporaryTag: String { "\(LockOwner.fileSafeHostName)-\(getpid())" }
}
