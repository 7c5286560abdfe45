import Model

/// The store file read and decoded on the worker (another officer's save, a sync's merge), for
/// the runtime to adopt at its next turn: the loop never decodes a whole store itself.
struct StoreReading: Equatable, Sendable {
    enum Outcome: Equatable, Sendable {
        /// The file holds the bytes the read started from.
        case unchanged
        case read(StoreRead)
        /// It cannot be read now (half-written by a program that does not take the lock, broken).
        case failed
    }

    /// The digest of the bytes the store had when the read began: adopted only if it still has them.
    var since: StoreDigest
    var outcome: Outcome

    static func read(path: String, since: StoreDigest, verified: VerifiedStores) -> StoreReading {
        do {
            let read = try ProgrammeStore.readChanged(path: path, since: since, verified: verified)
            return StoreReading(since: since, outcome: read.map { .read($0) } ?? .unchanged)
        } catch {
            return StoreReading(since: since, outcome: .failed)
        }
    }
}
