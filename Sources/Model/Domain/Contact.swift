public struct Contact: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var title: String
    public var unit: String
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, name: String, title: String, unit: String) {
        self.id = id; self.name = name; self.title = title; self.unit = unit
    }
}
