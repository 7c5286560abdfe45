import Foundation
import Model
import Presentation

/// A row of the countries panel: a phase heading or a country.
enum CountryListRow: Equatable, Sendable {
    case header(phase: Int, label: String)
    case country(String)

    var isSelectable: Bool { if case .country = self { true } else { false } }

    static func rows(programme: Programme, filter: AppState.PhaseFilter, sort: ListSort = .grouped,
                     tallies: [String: MilestoneTally] = [:]) -> [CountryListRow] {
        if sort != .grouped {
            let shown = programme.countries.filter { if case .phase(let only) = filter { $0.phase == only } else { true } }
            let ordered = sort == .progress
                ? shown.sorted { (tallies[$0.id]?.progress.fraction ?? 0) > (tallies[$1.id]?.progress.fraction ?? 0) }
                : shown.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            return ordered.map { .country($0.id) }
        }
        var rows: [CountryListRow] = []
        var phases = programme.phases.map(\.number)
        for c in programme.countries where !phases.contains(c.phase) { phases.append(c.phase) }
        for number in phases {
            if case .phase(let only) = filter, only != number { continue }
            let countries = programme.countries(inPhase: number)
            guard !countries.isEmpty else { continue }
            let period = programme.phase(number).map { " · \($0.periodText)" } ?? ""
            rows.append(.header(phase: number, label: L("Phase %@", "\(number)") + period))
            rows += countries.map { .country($0.id) }
        }
        return rows
    }
}
