/// A store file read and decoded anew (`ProgrammeStore.readChanged`), off a front's loop.
public struct StoreRead: Equatable, Sendable {
    public let bytes: [UInt8]
    public let document: StoreDocument
}
