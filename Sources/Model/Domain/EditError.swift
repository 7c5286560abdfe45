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
    /// An IATI setting that breaks a rule of the record: which.
    case invalidSetting(String)

    /// The refusal in the officer's language.
    public var description: String {
        switch self {
        case .unknownMilestone(let id): L("No milestone has the id “%@”.", id)
        case .unknownCountry(let id): L("No country has the id “%@”.", id)
        case .unknownPhase(let n): L("There is no phase %@.", "\(n)")
        case .duplicateMilestone(let id): L("A milestone with the id “%@” already exists.", id)
        case .emptyTitle: L("A milestone needs a title.")
        case .emptyNote: L("A note needs some text.")
        case .unknownRecord(let ref):
            (ref.kind == .phase ? L("No %@ has the number “%@”", ref.kind.noun, ref.id) : L("No %@ has the id “%@”", ref.kind.noun, ref.id))
                + (ref.country.map { " " + L("in %@", $0) } ?? "") + "."
        case .duplicateRecord(let ref):
            (ref.kind == .phase ? L("%@ with the number “%@” already exists.", ref.kind.withArticle.capitalizedFirst, ref.id)
                : L("%@ with the id “%@” already exists.", ref.kind.withArticle.capitalizedFirst, ref.id))
        case .idCannotChange(let ref):
            L("The id of %@ cannot be changed (other records and the history name it by it); add a new one and remove this one.", "\(ref)")
        case .invalidField(_, let field, let message) where field.hasPrefix("sdg11a1."):
            // An assessment's part, in the indicator's words: "SDG 11.a.1 score a: 101 is not a score…".
            "SDG 11.a.1 " + (["a", "b", "c"].contains(field.dropFirst(8)) ? L("score") + " " : "") + field.dropFirst(8) + ": \(message)."
        case .invalidField(let kind, let field, let message): "\(kind.noun) \(field): \(message)."
        case .recordInUse(let ref, let why): L("%@ stays: %@.", "\(ref)", why)
        case .breaksRule(_, let rule), .invalidSetting(let rule): L("Not saved:") + " \(rule)."
        }
    }
}
