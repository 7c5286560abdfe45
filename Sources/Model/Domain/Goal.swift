public struct Goal: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var detail: String?
    public init(id: String, title: String, detail: String? = nil) { self.id = id; self.title = title; self.detail = detail }
}
