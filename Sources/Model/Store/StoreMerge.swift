import Foundation

/// A three-way merge of store files, record by record: what git calls a merge driver.
///
/// Two officers who ticked different milestones (or the same one) in their own copies merge
/// without a conflict: lists of records are merged by id, objects field by field, and where
/// both ticked the same milestone the first tick's record is kept. Only a field both changed
/// differently is a conflict, and then nothing is merged.
public enum StoreMerge {
    /// A field both sides changed differently.
    public struct Conflict: Error, Equatable, CustomStringConvertible {
        public var field: String
        /// Each side's value as JSON text; nil where that side removed the record.
        public var ours: String?
        public var theirs: String?

        public init(field: String, ours: String? = nil, theirs: String? = nil) {
            self.field = field; self.ours = ours; self.theirs = theirs
        }

        public var description: String { L("%@ was changed differently on both sides; merge it by hand.", "\(field)") }

        /// The field in the words the screens use: "country MOZ › policy moz-nup › status" for
        /// "programme.countries[id MOZ].policies[id moz-nup].status".
        public var place: String { StoreMerge.place(field) }
    }

    /// A field's path in a merge ("programme.countries[id MOZ].stage") as the screens name it.
    public static func place(_ field: String) -> String {
        let kinds = ["countries": "country", "policies": "policy", "projects": "project", "events": "event", "publications": "publication",
                     "contacts": "contact", "partners": "partner", "prospectiveCountries": "prospect", "goals": "goal", "phases": "phase",
                     "milestones": "milestone", "budgets": "budget", "expenditures": "expenditure", "counterparts": "counterpart"]
        var parts: [String] = []
        var rest = Substring(field.hasPrefix("programme.") ? String(field.dropFirst("programme.".count)) : field)
        while !rest.isEmpty {
            if let open = rest.firstIndex(of: "["), rest[..<open].firstIndex(of: ".") == nil, rest[rest.index(after: open)...].hasPrefix("id "),
               let close = rest[open...].firstIndex(of: "]") {
                let list = String(rest[..<open])
                let id = rest[rest.index(open, offsetBy: 4)..<close]
                parts.append("\(kinds[list] ?? list) \(id)")
                rest = rest[rest.index(after: close)...]
                if rest.hasPrefix(".") { rest = rest.dropFirst() }
            } else {
                let end = rest.firstIndex(of: ".") ?? rest.endIndex
                parts.append(String(rest[..<end]))
                rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
            }
        }
        return parts.joined(separator: " › ")
    }

    /// Which side a field both changed differently takes, when the officer chose (`knupp sync
    /// --keep mine|theirs`, the front's conflict dialog): every such field of the merge.
    public enum Preference: String, Sendable, CaseIterable { case mine, theirs }

    /// One of the three versions cannot be read: which, and why. Nothing was merged.
    public struct Unreadable: Error, Equatable {
        public enum Side: String, Sendable { case ancestor = "common ancestor", ours, theirs }
        public var side: Side
        public var error: StoreError
    }

    /// The merged store file, the next revision after both sides'. An empty common ancestor
    /// (git's when both sides added the file) merges the two sides with no ancestor: every field
    /// they set differently is a conflict.
    public static func merge(base: Data, ours: Data, theirs: Data, path: String) throws -> Data {
        var resolved: [Conflict] = []
        return try merge(base: base, ours: ours, theirs: theirs, path: path, prefer: nil, resolved: &resolved)
    }

    /// The same, each conflict settled by `prefer` (when given) and listed in `resolved`.
    public static func merge(base: Data, ours: Data, theirs: Data, path: String, prefer: Preference?, resolved: inout [Conflict]) throws -> Data {
        func decode(_ data: Data, _ side: Unreadable.Side) throws -> StoreDocument {
            do { return try StoreDocument.decode(data, path: path) } catch { throw Unreadable(side: side, error: error) }
        }
        let noAncestor = base.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let baseDoc = noAncestor ? nil : try decode(base, .ancestor)
        let oursDoc = try decode(ours, .ours)
        let theirsDoc = try decode(theirs, .theirs)
        func tree(_ document: StoreDocument) -> JSONValue? {
            JSONParser.document([UInt8](document.encoded()))
        }
        let b: [String: JSONValue]
        if let baseDoc {
            guard case .object(let members)? = tree(baseDoc) else { throw Conflict(field: "(file)") }
            b = members
        } else {
            b = [:]
        }
        guard case .object(let o)? = tree(oursDoc), case .object(let t)? = tree(theirsDoc) else { throw Conflict(field: "(file)") }
        var merger = Merger(prefer: prefer)
        let programme = try merger.merge(b["programme"], o["programme"], t["programme"], field: "programme")
        resolved = merger.resolved
        // Every load refuses the largest revision, so this cannot overflow; but the result may be
        // that largest one, which no load would take: refused, naming the side to set back.
        let highest = max(oursDoc.revision, theirsDoc.revision)
        let (revision, overflow) = highest.addingReportingOverflow(1)
        guard !overflow, revision < StoreDocument.revisionLimit else {
            throw Unreadable(side: oursDoc.revision == highest ? .ours : .theirs,
                             error: .invalid(path: path, field: "revision",
                                             message: L("%@ cannot be raised by the merge (no revision may reach %@); ", "\(highest)", "\(StoreDocument.revisionLimit)")
                                                 + L("whoever keeps that copy sets it back to 1 in an editor")))
        }
        let merged: JSONValue = .object([
            "schemaVersion": .number(String(max(oursDoc.schemaVersion, theirsDoc.schemaVersion))),
            "revision": .number(String(revision)),
            "programme": programme ?? .null,
        ])
        // Through the decoder and the canonical writer: the result is a store like any other.
        return try StoreDocument.decode(Data(merged.text.utf8), path: path).encoded()
    }

    /// Both ticked the same milestone: the first tick stands (as when a second officer ticks a
    /// milestone that is already done), so neither officer's tick is recorded as a conflict.
    /// "First" is the earlier instant (moments parsed: offsets and fractions exist), then, in
    /// the same instant, the officer's name and the moment's text: a total order, so both copies
    /// of a merge choose the same tick.
    static func keepFirstTick(_ o: inout [String: JSONValue], _ t: inout [String: JSONValue]) {
        guard o["done"] == .bool(true), t["done"] == .bool(true),
              o["doneAt"] != t["doneAt"] || o["doneBy"] != t["doneBy"] || o["doneOn"] != t["doneOn"] else { return }
        func text(_ v: JSONValue?) -> String { if case .string(let s)? = v { s } else { "" } }
        func order(_ record: [String: JSONValue]) -> (Moment.Instant, String, String) {
            let at = text(record["doneAt"])
            // A tick with no moment (or a broken one) comes after every real one.
            return (Moment.instant(at) ?? Moment.Instant(seconds: .max, nanoseconds: 0), text(record["doneBy"]), at)
        }
        let first = order(o) <= order(t) ? o : t
        for key in ["doneAt", "doneBy", "doneOn"] {
            o[key] = first[key]
            t[key] = first[key]
        }
    }

    static func id(_ v: JSONValue) -> String? { id(v, keys: ["id", "number"]) }

    /// A record's identity within its list: its id (a phase's number); an indicator's values and
    /// a country's assessments by their day, an assessment's evaluations by their evaluator, so
    /// two officers' values of different days (or two evaluators) merge, as records do.
    static func id(_ v: JSONValue, keys: [String]) -> String? {
        guard case .object(let members) = v else { return nil }
        switch keys.lazy.compactMap({ members[$0] }).first {
        case .string(let s)?: return s
        case .number(let n)?: return n
        default: return nil
        }
    }

    /// The keys that name the records of the list at `field` ("….actuals": by date).
    static func identity(of field: String) -> [String] {
        switch field.split(separator: ".").last.map({ String($0.prefix { $0 != "[" }) }) {
        case "actuals"?, "targets"?, "sdg11a1"?: ["date"]
        case "evaluations"?: ["evaluator"]
        case "shares"?: ["country"]
        default: ["id", "number"]
        }
    }

    static func isRecordList(_ items: [JSONValue], keys: [String] = ["id", "number"]) -> Bool { items.allSatisfy { id($0, keys: keys) != nil } }

    /// A log: entries with the moment they were written (`at`) and no id (a milestone's notes,
    /// the moves of a due). Entries are only ever added.
    static func isLog(_ items: [JSONValue]) -> Bool {
        items.allSatisfy { if case .object(let members) = $0 { members["at"] != nil && id($0) == nil } else { false } }
    }
}

/// One merge's walk over the three trees: the officer's choice for conflicts, and those it settled.
struct Merger {
    let prefer: StoreMerge.Preference?
    var resolved: [StoreMerge.Conflict] = []

    mutating func merge(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?, field: String) throws -> JSONValue? {
        if o == t { return o }
        if b == o { return t }
        if b == t { return o }
        switch (o, t) {
        case (.object(let ov)?, .object(let tv)?):
            var bv: [String: JSONValue] = [:]
            if case .object(let base)? = b { bv = base }
            var (ov, tv) = (ov, tv)
            StoreMerge.keepFirstTick(&ov, &tv)
            var result: [String: JSONValue] = [:]
            for key in Set(ov.keys).union(tv.keys) {
                if let value = try merge(bv[key], ov[key], tv[key], field: field + "." + key) { result[key] = value }
            }
            return .object(result)
        case (.array(let oa)?, .array(let ta)?) where StoreMerge.isRecordList(oa, keys: StoreMerge.identity(of: field))
                                                      && StoreMerge.isRecordList(ta, keys: StoreMerge.identity(of: field)):
            var ba: [JSONValue] = []
            if case .array(let base)? = b { ba = base }
            return .array(try mergeRecords(ba, oa, ta, field: field))
        case (.array(let oa)?, .array(let ta)?) where StoreMerge.isLog(oa) && StoreMerge.isLog(ta):
            var ba: [JSONValue] = []
            if case .array(let base)? = b { ba = base }
            return .array(try mergeLogs(ba, oa, ta, field: field))
        default:
            return try settle(StoreMerge.Conflict(field: field, ours: o?.text, theirs: t?.text), o, t)
        }
    }

    /// A conflict: thrown, or settled by the officer's choice (and listed).
    mutating func settle(_ conflict: StoreMerge.Conflict, _ o: JSONValue?, _ t: JSONValue?) throws -> JSONValue? {
        guard let prefer else { throw conflict }
        resolved.append(conflict)
        return prefer == .mine ? o : t
    }


    /// Two logs that both kept every entry of the ancestor's: each side's new entries are kept,
    /// ordered by their moments (a side's own order where they tie). An entry taken out on one
    /// side is a change of what was written: a conflict.
    mutating func mergeLogs(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue], field: String) throws -> [JSONValue] {
        guard b.allSatisfy(o.contains), b.allSatisfy(t.contains) else {
            guard case .array(let chosen)? = try settle(StoreMerge.Conflict(field: field, ours: JSONValue.array(o).text, theirs: JSONValue.array(t).text),
                                                        .array(o), .array(t)) else { return o }
            return chosen
        }
        let added = o.filter { !b.contains($0) } + t.filter { !b.contains($0) && !o.contains($0) }
        func instant(_ v: JSONValue) -> Moment.Instant {
            if case .object(let m) = v, case .string(let at)? = m["at"], let i = Moment.instant(at) { return i }
            return Moment.Instant(seconds: .max, nanoseconds: 0)
        }
        let sorted = added.enumerated().sorted { (instant($0.element), $0.offset) < (instant($1.element), $1.offset) }.map(\.element)
        return b + sorted
    }

    /// Records merged by id, in our order, with theirs' new records before the record they
    /// precede there (at the end when they were appended).
    mutating func mergeRecords(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue], field: String) throws -> [JSONValue] {
        let keys = StoreMerge.identity(of: field)
        let id = { (v: JSONValue) in StoreMerge.id(v, keys: keys) }
        func index(_ list: [JSONValue]) -> [String: JSONValue] {
            Dictionary(list.compactMap { v in id(v).map { ($0, v) } }, uniquingKeysWith: { first, _ in first })
        }
        let (bi, oi, ti) = (index(b), index(o), index(t))
        var order = o.compactMap(id)
        for (position, record) in t.enumerated() {
            guard let key = id(record), oi[key] == nil, bi[key] == nil else { continue }
            // New on their side: before the record that follows it there, or at the end.
            let next = t[(position + 1)...].compactMap(id).first { order.contains($0) }
            order.insert(key, at: next.flatMap { order.firstIndex(of: $0) } ?? order.count)
        }
        for key in t.compactMap(id) where oi[key] == nil && bi[key] != nil && !order.contains(key) {
            // We removed it; they kept it: removed only if they did not change it.
            if ti[key] != bi[key], try settle(StoreMerge.Conflict(field: "\(field)[id \(key)]", ours: nil, theirs: ti[key]?.text), nil, ti[key]) != nil {
                // Theirs taken: the record they changed stays, where it stood in their list.
                order.insert(key, at: min(order.count, t.compactMap(id).firstIndex(of: key) ?? order.count))
            }
        }
        var result: [JSONValue] = []
        for key in order {
            let label = "\(field)[id \(key)]"
            if oi[key] != nil, ti[key] == nil, bi[key] != nil {
                // They removed it; we kept it: removed only if we did not change it.
                if oi[key] != bi[key], let kept = try settle(StoreMerge.Conflict(field: label, ours: oi[key]?.text, theirs: nil), oi[key], nil) {
                    result.append(kept)
                }
                continue
            }
            if oi[key] == nil, bi[key] != nil, let theirs = ti[key] {
                // We removed it, they changed it, and theirs was taken above.
                result.append(theirs)
                continue
            }
            if let value = try merge(bi[key], oi[key], ti[key], field: label) { result.append(value) }
        }
        return result
    }
}
