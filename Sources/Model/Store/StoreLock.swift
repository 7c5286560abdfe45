import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The lock file (`programme.json.lock`) held while one knupp saves the store: for the
/// milliseconds of a save (read, compare, write, rename), never while a front sits idle, so a
/// whole team and their scripts can work on one store at once.
///
/// The lock is created whole: its contents are written to a file of our own, checked, then
/// hard-linked into place, which fails if a lock exists; so exactly one writer wins, and a lock
/// is never seen half-written by a live writer. A writer that finds the lock taken waits for it
/// (a few seconds), then gives up naming the holder. A lock whose process is gone (same host)
/// is taken over at once; an empty or unreadable one once it is older than a grace period (a
/// fresh one may be a writer mid-way); one from another host is never taken over by itself
/// (its process cannot be checked): `knupp unlock` clears it after the officer confirms.
final class StoreLock {
    enum Outcome {
        /// Ours; the notes say when a stale lock was taken over to get it.
        case acquired(StoreLock, notes: [StoreNote])
        /// Someone else's (nil when it cannot be read), still held after waiting.
        case heldBy(LockOwner?)
        /// The lock could not be created at all (a read-only folder, a full disk).
        case failed(String)
    }

    /// How long an empty or unreadable lock may be a writer mid-way before it counts as stale.
    static let graceSeconds: Double = 10

    let path: String
    let owner: LockOwner
    /// The lock file this process created (device and inode): what it removes at the end, and
    /// nothing else. Compared with the name, not read back: a read that fails must not leave the
    /// lock behind.
    private let identity: FileIdentity
    private var held = true
    /// A removal was tried (and, if it failed, reported): later tries are the caller's to make.
    private var tried = false

    private init(path: String, owner: LockOwner, identity: FileIdentity) {
        self.path = path; self.owner = owner; self.identity = identity
        StoreLock.heldHere.withLock { _ = $0.insert(path) }
    }

    deinit { _ = releaseIfUntried() }

    /// Removes the lock unless a removal was already tried: what a save's clean-up on every path
    /// calls, so that a failure it reported is not quietly undone (or repeated) behind its message.
    func releaseIfUntried() -> StoreNote? { tried ? nil : release() }

    /// The locks this process holds now: a lock naming this process that is not among them was
    /// left by an earlier save of it whose removal failed, and is this process's to take over.
    private static let heldHere = Mutex<Set<String>>([])

    /// Takes the lock, waiting up to `wait` seconds while someone else holds it.
    static func acquire(path: String, owner: LockOwner, wait: Double) -> Outcome {
        let deadline = Date().addingTimeInterval(max(0, wait))
        var pause: UInt32 = 2_000
        var notes: [StoreNote] = []
        while true {
            switch create(path, owner: owner) {
            case .created(let identity):
                return .acquired(StoreLock(path: path, owner: owner, identity: identity), notes: notes)
            case .failed(let reason):
                return .failed(reason)
            case .exists:
                break
            }
            let current = readOwner(path)
            if let why = staleness(current, path: path) {
                if takeOver(path, expected: current) {
                    notes.append(.tookOverStaleLock(why))
                    continue
                }
            }
            if Date() >= deadline { return .heldBy(readOwner(path)) }
            usleep(pause)
            pause = min(pause * 2, 100_000)
        }
    }

    private enum Creation { case created(FileIdentity), exists, failed(String) }

    /// Writes the owner to a file of our own, checks it, then links it into place.
    private static func create(_ path: String, owner: LockOwner) -> Creation {
        let data = Data(owner.fileText.utf8)
        let temp = path + ".new-\(AtomicFile.temporaryTag)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failed(L("cannot create %@: %@", "\(temp)", "\(AtomicFile.errnoText())")) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let writeError = written != data.count ? AtomicFile.errnoText() : nil
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            unlink(temp)
            return .failed(L("cannot create the lock file %@: %@", "\(temp)", "\(AtomicFile.errnoText())"))
        }
        // Not fsynced: a lock only has to be seen by running knupps, which the read-back below
        // makes sure of. After a power cut no process holds it whatever it says, and one left
        // empty is taken over after its grace period, as any unreadable lock is.
        close(fd)
        defer { unlink(temp) }
        guard written == data.count, FileManager.default.contents(atPath: temp) == data else {
            return .failed("cannot write the lock file \(temp): \(writeError ?? "it did not read back as written")")
        }
        if link(temp, path) == 0 { return .created(FileIdentity(info)) }
        let linkErrno = errno
        if linkErrno == EEXIST { return .exists }
        // A file system without hard links: create the lock exclusively and write it in place.
        guard linkErrno == EPERM || linkErrno == EOPNOTSUPP || linkErrno == ENOSYS else {
            return .failed(L("cannot create the lock file %@: %@", "\(path)", "\(String(cString: strerror(linkErrno)))"))
        }
        let direct = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard direct >= 0 else { return errno == EEXIST ? .exists : .failed(L("cannot create %@: %@", "\(path)", "\(AtomicFile.errnoText())")) }
        let n = data.withUnsafeBytes { write(direct, $0.baseAddress, $0.count) }
        var directInfo = stat()
        let identified = fstat(direct, &directInfo) == 0
        close(direct)
        if n != data.count || !identified {
            unlink(path)
            return .failed(L("cannot write the lock file %@", "\(path)"))
        }
        return .created(FileIdentity(directInfo))
    }

    static func readOwner(_ path: String) -> LockOwner? {
        guard let bytes = try? AtomicFile.readBytes(path) else { return nil }
        return LockOwner(fileBytes: bytes)
    }

    /// Why the lock at `path` is stale (its holder cannot be saving), or nil while it may be live.
    static func staleness(_ owner: LockOwner?, path: String, now: Date = Date()) -> String? {
        guard let owner else {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let modified = attributes[.modificationDate] as? Date else { return nil }
            let age = now.timeIntervalSince(modified)
            return age > graceSeconds ? L("an empty or unreadable lock file (%@ s old)", "\(Int(age))") : nil
        }
        guard owner.host == LockOwner.hostName else { return nil }
        if owner.pid == getpid() && (owner.start == nil || owner.start == ProcessStart.current) {
            // This very process: a lock it holds now is live; any other it left itself.
            return heldHere.withLock { $0.contains(path) } ? nil : L("a lock this knupp left after an earlier save (%@)", "\(owner.description)")
        }
        if case .gone(let why) = owner.liveness() { return why }
        return nil
    }

    /// True unless the process is known to run another program than this one (its process
    /// number was reused, after a reboot or in a container). When that cannot be read (another
    /// user's process), it may be a live writer: true.
    static func runsThisProgram(_ pid: Int32) -> Bool {
        guard let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let theirs = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") else { return true }
        return own == theirs
    }

    /// Removes a stale lock, making sure what is removed is the lock that was judged stale
    /// (another writer may have taken over in between): moved aside under a name of our own, checked.
    static func takeOver(_ path: String, expected: LockOwner?) -> Bool {
        let aside = path + ".stale.\(getpid())"
        guard rename(path, aside) == 0 else { return false }
        if readOwner(aside) != expected {
            // Not the one we judged: put it back if nothing took its place.
            if link(aside, path) != 0 { /* someone holds a new lock; theirs stands */ }
            unlink(aside)
            return false
        }
        unlink(aside)
        return true
    }

    /// Removes the lock this process created, if it is still that file (a stale-lock take-over
    /// may have replaced it). Tried a few times; when it cannot be removed, says so and stays
    /// held, for `release` to be tried again later (the front does, each second).
    func release() -> StoreNote? {
        guard held else { return nil }
        tried = true
        var reason = ""
        for attempt in 0..<3 {
            if attempt > 0 { usleep(5_000) }
            var info = stat()
            if lstat(path, &info) != 0 {
                if errno == ENOENT { return done() }
                reason = AtomicFile.errnoText()
                continue
            }
            // Taken over (this process was judged gone): no longer ours to remove.
            guard FileIdentity(info).sameFile(as: identity) else { return done() }
            if unlink(path) == 0 || errno == ENOENT { return done() }
            reason = AtomicFile.errnoText()
        }
        return .lockNotReleased(path: path, reason: reason)

        func done() -> StoreNote? {
            held = false
            _ = StoreLock.heldHere.withLock { $0.remove(path) }
            return nil
        }
    }

    /// True while the lock file is still to be removed.
    var isHeld: Bool { held }
}
