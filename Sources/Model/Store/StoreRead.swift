/// A store file read and decoded anew (`ProgrammeStore.readChanged`), off a front's loop.
public struct StoreRead: Equatable, Sendable {
    /// The digest of the bytes read (the store keeps it, not the bytes).
    public let digest: StoreDigest
    public let document: StoreDocument
}
