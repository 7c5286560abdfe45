import Model

/// A refused edit in the officer's language (`EditError.description` is the English one, which
/// the log and the tests of the model keep). The words inside it that come from the record's own
/// rules (`invalidField`'s, `breaksRule`'s) stay as the model wrote them.
public enum EditErrorText {
    public static func sentence(_ error: EditError) -> String {
        guard Texts.language != .en else { return error.description }
        switch error {
        case .unknownMilestone(let id): return L("No milestone has the id “%@”.", id)
        case .unknownCountry(let id): return L("No country has the id “%@”.", id)
        case .unknownPhase(let n): return L("There is no phase %@.", "\(n)")
        case .duplicateMilestone(let id): return L("A milestone with the id “%@” already exists.", id)
        case .emptyTitle: return L("A milestone needs a title.")
        case .emptyNote: return L("A note needs some text.")
        case .unknownRecord(let ref):
            return (ref.kind == .phase ? L("There is no phase %@.", ref.id) : L("No %@ has the id “%@”.", ref.kind.noun, ref.id))
                + (ref.country.map { " (\($0))" } ?? "")
        case .duplicateRecord(let ref): return L("%@ “%@” already exists.", ref.kind.title, ref.id)
        case .idCannotChange(let ref):
            return L("The id of %@ cannot be changed (other records and the history name it by it); add a new one and remove this one.", "\(ref)")
        case .invalidField(_, let field, let message) where field.hasPrefix("sdg11a1."):
            return "SDG 11.a.1 " + field.dropFirst(8) + ": \(message)."
        case .invalidField(let kind, let field, let message): return "\(kind.noun) \(field): \(message)."
        case .recordInUse(let ref, let why): return L("%@ stays: %@.", "\(ref)", why)
        case .breaksRule(_, let rule): return L("Not saved:") + " \(rule)."
        }
    }
}
