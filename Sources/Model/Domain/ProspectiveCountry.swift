/// A country or state that asked to join.
public struct ProspectiveCountry: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var note: String?
    public init(id: String, name: String, note: String? = nil) { self.id = id; self.name = name; self.note = note }
}
