/// A policy or strategy document and how far it has come.
public struct PolicyDocument: Hashable, Sendable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case draft, pendingApproval, adopted, endorsed

        public var label: String {
            switch self {
            case .draft: "draft"
            case .pendingApproval: "pending approval"
            case .adopted: "adopted"
            case .endorsed: "endorsed"
            }
        }
    }

    public var id: String
    public var title: String
    public var status: Status
    public var note: String?
    /// The day it was adopted (or endorsed), when the record says.
    public var adoptedOn: CalendarDate?
    /// How its status came to be what it is, oldest first (`knupp set POLICY status=…`).
    public var statusChanges: [FieldChange] = []

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String, status: Status, note: String? = nil) {
        self.id = id; self.title = title; self.status = status; self.note = note
    }
}
