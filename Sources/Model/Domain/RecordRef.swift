import Foundation

/// The kinds of record an officer adds, changes and removes with `knupp add|set|remove` and the
/// front's forms (a milestone has its own edits: ticks, dues, notes).
public enum RecordKind: String, CaseIterable, Sendable {
    case country, policy, project, event, publication, contact, partner, prospect, goal, phase, indicator
    case budget, expenditure, counterpart

    /// The kind a word names: its name or its plural ("indicators", "policies", "prospective countries").
    public init?(word: String) {
        let w = word.lowercased()
        guard let kind = RecordKind(rawValue: w) ?? RecordKind.allCases.first(where: { $0.plural == w || $0.rawValue + "s" == w }) else { return nil }
        self = kind
    }

    /// "a" or "an", as the kind's name begins.
    public var article: String { ["event", "indicator", "expenditure"].contains(rawValue) ? "an" : "a" }

    /// A policy and a project belong to a country, named with them.
    public var belongsToCountry: Bool { self == .policy || self == .project || self == .counterpart }

    /// An indicator is the programme's, or a country's (named with it, as a policy is).
    public var mayBelongToCountry: Bool { belongsToCountry || self == .indicator }

    /// "countries", "policies": as the record file names its lists.
    public var plural: String {
        switch self {
        case .country: "countries"
        case .policy: "policies"
        case .prospect: "prospective countries"
        default: rawValue + "s"
        }
    }
}

/// One record of a kind: its id (a phase's number), and for a policy or a project its country.
public struct RecordRef: Hashable, Sendable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: String
    public var country: String?

    public init(_ kind: RecordKind, _ id: String, country: String? = nil) {
        self.kind = kind; self.id = id; self.country = country
    }

    /// "country MOZ", "policy MOZ/moz-nup".
    public var description: String { "\(kind.rawValue) " + (country.map { "\($0)/" } ?? "") + id }
}

/// Who writes a change of a record and when; for a country's stage, the day it changed (`on`).
public struct RecordWrite: Hashable, Sendable {
    public var by: String
    public var at: String
    public var on: CalendarDate?

    public init(by: String, at: String, on: CalendarDate? = nil) {
        self.by = by; self.at = at; self.on = on
    }
}
