import Foundation
import Model
import Presentation

/// A row of the countries panel: a phase heading or a country.
enum CountryListRow: Equatable, Sendable {
    case header(phase: Int, label: String)
    case country(String)

    var isSelectable: Bool { if case .country = self { true } else { false } }

    static func rows(programme: Programme, filter: AppState.PhaseFilter) -> [CountryListRow] {
        var rows: [CountryListRow] = []
        var phases = programme.phases.map(\.number)
        for c in programme.countries where !phases.contains(c.phase) { phases.append(c.phase) }
        for number in phases {
            if case .phase(let only) = filter, only != number { continue }
            let countries = programme.countries(inPhase: number)
            guard !countries.isEmpty else { continue }
            let period = programme.phase(number).map { " · \($0.periodLabel)" } ?? ""
            rows.append(.header(phase: number, label: "Phase \(number)\(period)"))
            rows += countries.map { .country($0.id) }
        }
        return rows
    }
}
