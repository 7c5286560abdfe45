import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock file (`programme.json.lock`) held while one instance may write the store.
///
/// Created with O_EXCL, so exactly one instance wins. A lock whose process is gone (same host,
/// no such pid) is stale and taken over; a lock from another host cannot be checked and is
/// respected: the message says whose it is so that people can sort it out.
final class StoreLock {
    enum Outcome {
        case acquired(StoreLock)
        case heldBy(LockOwner?)
    }

    let path: String
    private var held = true

    private init(path: String) { self.path = path }

    deinit { release() }

    static func acquire(path: String, owner: LockOwner) -> Outcome {
        for _ in 0..<3 {
            if create(path, owner: owner) { return .acquired(StoreLock(path: path)) }
            guard errno == EEXIST else { return .heldBy(nil) }
            let current = readOwner(path)
            guard isStale(current, path: path) else { return .heldBy(current) }
            // Move the stale lock aside under a name of our own, then check that what we moved
            // is still the stale one (another instance may have taken over in between).
            let aside = path + ".stale.\(getpid())"
            guard rename(path, aside) == 0 else { continue }
            let moved = readOwner(aside)
            if moved != current {
                rename(aside, path)
                return .heldBy(moved)
            }
            unlink(aside)
        }
        return .heldBy(readOwner(path))
    }

    /// Creates the lock file with its owner already inside: written to a file of our own, then
    /// hard-linked into place (which fails if a lock exists), so a lock is never seen empty,
    /// even when its process is killed halfway. Where links are not supported, O_EXCL.
    private static func create(_ path: String, owner: LockOwner) -> Bool {
        let data = (try? JSONEncoder().encode(owner)) ?? Data()
        let temp = path + ".new-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return createExclusive(path, data: data) }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        let linked = link(temp, path)
        let linkErrno = errno
        unlink(temp)
        if linked == 0 { return true }
        if linkErrno == EEXIST {
            errno = EEXIST
            return false
        }
        return createExclusive(path, data: data)
    }

    private static func createExclusive(_ path: String, data: Data) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        return true
    }

    static func readOwner(_ path: String) -> LockOwner? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(LockOwner.self, from: data)
    }

    private static func isStale(_ owner: LockOwner?, path: String) -> Bool {
        guard let owner else {
            // Unreadable: a writer that died between creating and filling it. Give a live one a minute.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let modified = attributes[.modificationDate] as? Date else { return false }
            return Date().timeIntervalSince(modified) > 60
        }
        guard owner.host == LockOwner.hostName else { return false }
        if owner.pid == getpid() { return false }
        return kill(owner.pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the lock file, once.
    func release() {
        guard held else { return }
        held = false
        unlink(path)
    }
}
