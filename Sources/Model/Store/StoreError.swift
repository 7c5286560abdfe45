/// Why a store could not be opened or saved, as a value: each front words it, with its own
/// advice (`StoreErrorText` in Presentation), so the model names no command-line flag.
public enum StoreError: Error, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case damaged(path: String, reason: String, position: TextPosition?)
    case mergeConflict(path: String, position: TextPosition)
    case malformed(path: String, message: String, position: TextPosition)
    case invalid(path: String, field: String, message: String, position: TextPosition? = nil)
    case duplicateID(path: String, kind: String, id: String, position: TextPosition?)
    case readOnly(path: String, reason: String)
    /// Another writer held the lock for all of `waited` seconds (nil when the lock cannot be read).
    case locked(path: String, lockPath: String, holder: LockOwner?, waited: Double)
    /// The file changed on disk since it was loaded: someone else saved. Reload and apply again.
    case changedOnDisk(path: String)
    case writeFailed(path: String, reason: String)
    case exists(path: String)

    /// Why a write failed, for an output's own wording (`writeFailed`'s reason).
    public var reason: String? {
        if case .writeFailed(_, let reason) = self { return reason }
        return nil
    }
}
