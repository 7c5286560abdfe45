
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

    /// Its JSON object, keys in sorted order (what `countries --json` lists). The stage is
    /// always there: null when the record does not say (a reader need not guess from its absence).
    public static func write(_ w: inout JSONWriter, _ r: CountryRow) {
        w.object { w in
            w.field("done", r.done); w.field("id", r.id); w.field("name", r.name); w.field("open", r.open)
            w.field("overdue", r.overdue); w.field("percent", r.percent); w.field("phase", r.phase); w.field("scope", r.scope)
            w.key("stage"); if let stage = r.stage { w.string(stage) } else { w.null() }
            w.field("total", r.total)
        }
    }

    enum CodingKeys: String, CodingKey { case id, name, phase, scope, stage, done, total, percent, open, overdue }

    /// As Foundation writes it: the stage as null when unknown, as `write` does.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(phase, forKey: .phase)
        try c.encode(scope, forKey: .scope); try c.encode(stage, forKey: .stage); try c.encode(done, forKey: .done)
        try c.encode(total, forKey: .total); try c.encode(percent, forKey: .percent); try c.encode(open, forKey: .open)
        try c.encode(overdue, forKey: .overdue)
    }
}
