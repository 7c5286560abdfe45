public struct Partner: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, name: String) { self.id = id; self.name = name }
}
