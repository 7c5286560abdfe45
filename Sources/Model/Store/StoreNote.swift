/// Something a save did that the officer should know, though the save succeeded.
public enum StoreNote: Equatable, Sendable {
    /// A lock left by a writer that is gone was removed to save: what it was.
    case tookOverStaleLock(String)
    /// The save is done but its lock file could not be removed; others will wait on it.
    case lockNotReleased(path: String, reason: String)
    /// The save is in place, but its folder could not be synced: a power cut could still lose it.
    case notDurable(String)
}
