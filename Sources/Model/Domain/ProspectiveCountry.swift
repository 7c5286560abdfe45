/// A country or state that asked to join.
public struct ProspectiveCountry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var note: String?
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, name: String, note: String? = nil) { self.id = id; self.name = name; self.note = note }
}
