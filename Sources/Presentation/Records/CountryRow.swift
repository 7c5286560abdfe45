
import Foundation
import Model

/// One country in `countries --json`.
public struct CountryRow: Encodable {
    public var id: String
    public var name: String
    public var phase: Int
    public var scope: String
    public var stage: String?
    public var done: Int
    public var total: Int
    public var percent: Int
    public var open: Int
    public var overdue: Int

    public init(country c: Country, today: CalendarDate) {
        let tally = MilestoneTally(c.milestones, today: today)
        id = c.id; name = c.name; phase = c.phase; scope = c.scope.label; stage = c.stage?.label
        done = tally.progress.done; total = tally.progress.total; percent = tally.progress.percent
        open = tally.open; overdue = tally.overdue
    }
}
