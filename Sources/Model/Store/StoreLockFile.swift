import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `knupp unlock` needs of a lock file: who holds it, whether that process is alive on
/// this machine, and removing it only if it is still the lock that was shown to the officer.
public enum StoreLockFile {
    public static func owner(at lockPath: String) -> LockOwner? { StoreLock.readOwner(lockPath) }

    /// True when the holder is a knupp on this machine that is still running (not a process
    /// that merely got its number later).
    public static func isAliveHere(_ owner: LockOwner) -> Bool {
        owner.host == LockOwner.hostName && (kill(owner.pid, 0) == 0 || errno == EPERM) && StoreLock.runsThisProgram(owner.pid)
    }

    /// Removes the lock if it still names `expected`; false when it changed meanwhile.
    public static func remove(_ lockPath: String, expected: LockOwner?) -> Bool {
        StoreLock.takeOver(lockPath, expected: expected)
    }
}
