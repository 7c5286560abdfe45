public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var title: String
    public var unit: String
    public init(id: String, name: String, title: String, unit: String) {
        self.id = id; self.name = name; self.title = title; self.unit = unit
    }
}
