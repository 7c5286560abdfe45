import Foundation

/// Why an edit cannot be applied.
public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownMilestone(String)
    case unknownCountry(String)
    case unknownPhase(Int)
    case duplicateMilestone(String)
    case emptyTitle
    case emptyNote
    case unknownRecord(RecordRef)
    case duplicateRecord(RecordRef)
    case idCannotChange(RecordRef)
    /// A value the record file would refuse: the kind, the field, the file's words.
    case invalidField(RecordKind, field: String, String)
    /// A record others depend on: why it stays.
    case recordInUse(RecordRef, String)
    /// The change would break a rule of the record (`knupp validate`'s): which.
    case breaksRule(RecordRef, String)

    public var description: String {
        switch self {
        case .unknownMilestone(let id): "No milestone has the id “\(id)”."
        case .unknownCountry(let id): "No country has the id “\(id)”."
        case .unknownPhase(let n): "There is no phase \(n)."
        case .duplicateMilestone(let id): "A milestone with the id “\(id)” already exists."
        case .emptyTitle: "A milestone needs a title."
        case .emptyNote: "A note needs some text."
        case .unknownRecord(let ref): "No \(ref.kind.rawValue) has the \(ref.kind == .phase ? "number" : "id") “\(ref.id)”" + (ref.country.map { " in \($0)" } ?? "") + "."
        case .duplicateRecord(let ref): "\(ref.kind.article.capitalized) \(ref.kind.rawValue) with the \(ref.kind == .phase ? "number" : "id") “\(ref.id)” already exists."
        case .idCannotChange(let ref): "The id of \(ref) cannot be changed (other records and the history name it by it); add a new one and remove this one."
        case .invalidField(_, let field, let message) where field.hasPrefix("sdg11a1."):
            // An assessment's part, in the indicator's words: "SDG 11.a.1 score a: 101 is not a score…".
            "SDG 11.a.1 " + (["a", "b", "c"].contains(field.dropFirst(8)) ? "score " : "") + field.dropFirst(8) + ": \(message)."
        case .invalidField(let kind, let field, let message): "\(kind.rawValue) \(field): \(message)."
        case .recordInUse(let ref, let why): "\(ref) stays: \(why)."
        case .breaksRule(_, let rule): "Not saved: \(rule)."
        }
    }
}
