/// Something that happened on a day: a side event, a session.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: String
    public var date: CalendarDate
    public var title: String
    public var summary: String
    public var participants: Int?
    /// The countries it concerns; empty when it concerns the whole programme.
    public var countries: [String]

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, date: CalendarDate, title: String, summary: String, participants: Int? = nil,
                countries: [String] = []) {
        self.id = id; self.date = date; self.title = title; self.summary = summary
        self.participants = participants; self.countries = countries
    }
}
