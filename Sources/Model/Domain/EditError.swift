import Foundation

/// Why an edit cannot be applied.
public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownMilestone(String)
    case unknownCountry(String)
    case unknownPhase(Int)
    case duplicateMilestone(String)
    case emptyTitle
    case emptyNote

    public var description: String {
        switch self {
        case .unknownMilestone(let id): "No milestone has the id “\(id)”."
        case .unknownCountry(let id): "No country has the id “\(id)”."
        case .unknownPhase(let n): "There is no phase \(n)."
        case .duplicateMilestone(let id): "A milestone with the id “\(id)” already exists."
        case .emptyTitle: "A milestone needs a title."
        case .emptyNote: "A note needs some text."
        }
    }
}
