/// A knowledge product. The source gives only the opening words of most, so the title may be unknown.
public struct Publication: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String?
    public var summary: String
    /// The year it came out, and where it can be read (a link), when the record says.
    public var year: Int?
    public var link: String?
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String? = nil, summary: String) { self.id = id; self.title = title; self.summary = summary }
}
