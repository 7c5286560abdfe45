
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

    /// Its JSON object, keys in sorted order (what `countries --json` lists).
    public static func write(_ w: inout JSONWriter, _ r: CountryRow) {
        w.object { w in
            w.field("done", r.done); w.field("id", r.id); w.field("name", r.name); w.field("open", r.open)
            w.field("overdue", r.overdue); w.field("percent", r.percent); w.field("phase", r.phase); w.field("scope", r.scope)
            w.field("stage", r.stage); w.field("total", r.total)
        }
    }
}
