import Foundation

/// Finding a country from what an officer types.
public enum CountryLookup: Equatable, Sendable {
    case found(Country)
    case ambiguous([Country])
    case notFound

    public static func == (lhs: CountryLookup, rhs: CountryLookup) -> Bool {
        switch (lhs, rhs) {
        case (.found(let a), .found(let b)): a.id == b.id
        case (.ambiguous(let a), .ambiguous(let b)): a.map(\.id) == b.map(\.id)
        case (.notFound, .notFound): true
        default: false
        }
    }
}
