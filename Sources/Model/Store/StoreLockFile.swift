import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `knupp unlock` needs of a lock file: who holds it, whether that process is alive on
/// this machine, and removing it only if it is still the lock that was shown to the officer.
public enum StoreLockFile {
    public static func owner(at lockPath: String) -> LockOwner? { StoreLock.readOwner(lockPath) }

    /// True when the holder is a knupp on this machine that is still running: not this very
    /// process, not a process that merely got its number later (its start time differs, or, in
    /// an earlier knupp's lock, it runs another program).
    public static func isAliveHere(_ owner: LockOwner) -> Bool {
        guard owner.host == LockOwner.hostName, owner.pid != getpid() else { return false }
        if case .alive = owner.liveness() { return true }
        return false
    }

    /// Removes the lock if it still names `expected`; false when it changed meanwhile.
    public static func remove(_ lockPath: String, expected: LockOwner?) -> Bool {
        StoreLock.takeOver(lockPath, expected: expected)
    }
}
