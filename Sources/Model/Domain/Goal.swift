public struct Goal: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var detail: String?
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String, detail: String? = nil) { self.id = id; self.title = title; self.detail = detail }
}
