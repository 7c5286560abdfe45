/// A demonstration ("acupuncture") project and the people it reached.
public struct DemonstrationProject: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var peopleReached: Int?
    public var note: String?

    public init(id: String, title: String, peopleReached: Int? = nil, note: String? = nil) {
        self.id = id; self.title = title; self.peopleReached = peopleReached; self.note = note
    }
}
