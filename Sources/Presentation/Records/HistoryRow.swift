import Model

/// One change in `knupp log --json`: stable keys, the moment in UTC as the store has it.
public struct HistoryRow: Encodable, Sendable {
    public var moment: String
    public var officer: String
    public var kind: String
    public var id: String
    public var title: String
    public var country: String?
    public var details: [String]
    public var commit: String?

    public init(moment: String, officer: String, change: RecordChange, commit: String?) {
        self.moment = moment; self.officer = officer; kind = change.kind.rawValue; id = change.id
        title = change.title; country = change.country; details = change.details; self.commit = commit
    }

    /// Its JSON object, keys in sorted order (what `log --json` lists).
    public static func write(_ w: inout JSONWriter, _ r: HistoryRow) {
        w.object { w in
            w.field("commit", r.commit); w.field("country", r.country); w.field("details", r.details); w.field("id", r.id)
            w.field("kind", r.kind); w.field("moment", r.moment); w.field("officer", r.officer); w.field("title", r.title)
        }
    }
}
