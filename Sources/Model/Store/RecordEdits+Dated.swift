import Foundation

/// Values with a day of their own (a country's stage, a policy's status, a project's people
/// reached): each change is kept in the record's log with the day it happened, so a report as of
/// any day reads the value then (`FieldChange.asOf`). The log runs forwards: a change is never
/// dated before the one it follows, and the day of the change that made the value can be given
/// again (re-dated) without changing the value.
extension Programme {
    /// The log entry a change of `members` from `before` adds, or (`replacing`, its place) the
    /// entry it re-dates; nil when it writes none.
    static func datedChange(_ kind: RecordKind, before: [String: JSONValue], members: [String: JSONValue], values: [String: JSONValue],
                            write: RecordWrite?) throws(EditError) -> (FieldChange, replacing: Int?)? {
        guard let dated = datedFields[kind], values[dated.field] != nil, values[dated.log] == nil else { return nil }
        var log: [FieldChange?] = []
        if case .array(let items)? = before[dated.log] {
            log = items.map { if case .object(let m) = $0 { FieldChange(members: m) } else { nil } }
        }
        let now = text(members[dated.field]), then = text(before[dated.field])
        let basis = dated.basis.flatMap { text(members[$0]) }, fromBasis = dated.basis.flatMap { text(before[$0]) }
        func refuse(after changes: [FieldChange], _ on: CalendarDate) throws(EditError) {
            // (A change without a day counts from the day it was written, taken in UTC here.)
            guard let last = changes.compactMap({ $0.day(in: TimeZone(identifier: "UTC")!) }).max(by: { $0.lastOrdinal < $1.lastOrdinal }), on.lastOrdinal < last.firstOrdinal else { return }
            throw .invalidField(kind, field: dated.field, L("%@ is before its last change (%@): its history runs forwards, so give a day on or after it", "\(on)", "\(last)"))
        }
        if now != then {
            if let on = write?.on { try refuse(after: log.compactMap { $0 }, on) }
            return (FieldChange(from: then, to: now, on: write?.on, basis: basis, fromBasis: fromBasis, at: write?.at ?? "", by: write?.by ?? ""), nil)
        }
        // The same value with a day: the change that made it is re-dated (it replaces that entry,
        // written by whoever gives the day), never dated before the change it followed.
        guard let on = write?.on else { return nil }
        guard let place = log.lastIndex(where: { $0?.to == now }), let making = log[place] else {
            return (FieldChange(from: nil, to: now, on: on, basis: basis, at: write?.at ?? "", by: write?.by ?? ""), nil)
        }
        if making.on == on { return nil }
        try refuse(after: log[..<place].compactMap { $0 }, on)
        return (FieldChange(from: making.from, to: now, on: on, basis: basis ?? making.basis, fromBasis: making.fromBasis,
                            at: write?.at ?? "", by: write?.by ?? ""), place)
    }

    /// A new record's values with its dated value's first change (the day it was so), so a report
    /// as of an earlier day does not count it.
    public static func dating(_ kind: RecordKind, _ values: [String: JSONValue], _ write: RecordWrite) -> [String: JSONValue] {
        guard let dated = datedFields[kind], let value = text(values[dated.field]), values[dated.log] == nil else { return values }
        var values = values
        let change = FieldChange(from: nil, to: value, on: write.on, basis: dated.basis.flatMap { text(values[$0]) }, at: write.at, by: write.by)
        values[dated.log] = .array([.object(StoreEncoder.members(of: change))])
        return values
    }
}

extension FieldChange {
    /// A log entry read from its members as the file holds them.
    init?(members: [String: JSONValue]) {
        guard let record = try? StoreDecoder.record(FieldChange.self, members: members, kind: .country) else { return nil }
        self = record
    }
}

extension Programme {
    /// An id made from a title or name: lower case, words joined by "-", at most 40 characters
    /// ("Validation workshop" → "validation-workshop").
    public static func slug(_ words: String) -> String {
        var out = "", dash = false
        for ch in words.lowercased() {
            if ch.isLetter || ch.isNumber { if dash && !out.isEmpty { out.append("-") }; out.append(ch); dash = false } else { dash = true }
            if out.count >= 40 { break }
        }
        return out.isEmpty ? "record" : out
    }

    /// `id`, or with -2, -3… when a record of the kind (of that country) has it.
    public func freeID(_ id: String, _ kind: RecordKind, country: String?) -> String {
        let taken = Set(recordIDs(kind, country: kind.belongsToCountry ? country : nil).map { $0.lowercased() })
        guard taken.contains(id.lowercased()) else { return id }
        var n = 2
        while taken.contains("\(id)-\(n)".lowercased()) { n += 1 }
        return "\(id)-\(n)"
    }

    /// Values naming countries (`country`, `countries`) with the record's own ids, whatever the
    /// case typed ("moz" → "MOZ"); a word naming none is left for the record's rules to refuse.
    public func namingCountries(_ values: [String: JSONValue]) -> [String: JSONValue] {
        func named(_ value: JSONValue) -> JSONValue {
            guard case .string(let typed) = value, let c = countries.first(where: { $0.id.lowercased() == typed.lowercased() }) else { return value }
            return .string(c.id)
        }
        var values = values
        if let one = values["country"] { values["country"] = named(one) }
        if case .array(let many)? = values["countries"] { values["countries"] = .array(many.map(named)) }
        return values
    }

    /// A day given for what has happened (an expenditure's date) has come: refused when it is
    /// after today.
    public static func refuseFuture(_ kind: RecordKind, _ values: [String: JSONValue], today: CalendarDate) throws(EditError) {
        guard kind == .expenditure, case .string(let typed)? = values["date"], let day = CalendarDate(typed), day.firstOrdinal > today.lastOrdinal else { return }
        throw .invalidField(.expenditure, field: "date", L("%@ is after today (%@): an expenditure is money already spent", "\(day)", "\(today)"))
    }
}
