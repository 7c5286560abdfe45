import Foundation

/// What the store file holds: the schema version, the revision, and the programme.
public struct StoreDocument: Equatable, Sendable {
    /// The schema this build reads and writes.
    public static let currentSchemaVersion = 1
    /// No revision reaches this (Int.max): every save and merge raises the revision by one, and
    /// one that cannot be raised is refused where it is read, not where arithmetic would trap.
    public static let revisionLimit = Int.max

    public var schemaVersion: Int
    /// Incremented on every save.
    public var revision: Int
    public var programme: Programme
    /// Top-level keys this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(schemaVersion: Int = StoreDocument.currentSchemaVersion, revision: Int = 1, programme: Programme) {
        self.schemaVersion = schemaVersion; self.revision = revision; self.programme = programme
    }

    /// The file's bytes: schemaVersion, revision, then the programme with sorted keys,
    /// pretty-printed, records in their order, final newline; so a tick diffs as a line or two.
    public func encoded() -> Data {
        Data(StoreEncoder.encode(self))
    }

    /// Reads a store file's bytes, or says precisely what is wrong with them (the first problem).
    public static func decode(_ data: Data, path: String) throws(StoreError) -> StoreDocument {
        try decode(bytes: [UInt8](data), path: path)
    }

    /// The same from the bytes as read (`AtomicFile.readBytes`), without copying them.
    /// `verified`: these very bytes were read whole and found valid before (their digest is in
    /// `VerifiedStores`), so the checks of syntax and rules that passed then are not run again;
    /// every field is read all the same.
    public static func decode(bytes: [UInt8], path: String, verified: Bool = false) throws(StoreError) -> StoreDocument {
        if verified {
            let (document, problems) = StoreDecoder.read(bytes)
            if let document, problems.isEmpty { return document }
        }
        let (document, problems) = read(bytes, path: path)
        if let first = problems.first { throw first }
        guard let document else { throw .invalid(path: path, field: "(file)", message: L("cannot be read")) }
        return document
    }

    /// Every problem in a store file, for `knupp validate`: a broken file's first error alone
    /// (nothing after a syntax error can be trusted), else every field, id and reference problem.
    /// The same reading as `decode`: what one accepts, the other does.
    public static func problems(in data: Data, path: String) -> [StoreError] {
        read([UInt8](data), path: path).problems
    }

    /// The document and every problem, in one reading (for `knupp validate`).
    public static func check(bytes: [UInt8], path: String) -> (document: StoreDocument?, problems: [StoreError]) {
        let (document, problems) = read(bytes, path: path)
        return (problems.isEmpty ? document : nil, problems)
    }

    /// The one reading of a store file: bytes, syntax, then every field and rule.
    private static func read(_ bytes: [UInt8], path: String) -> (StoreDocument?, problems: [StoreError]) {
        do {
            try checkBytes(bytes, path: path)
        } catch {
            return (nil, [error])
        }
        if let failure = JSONSyntaxChecker.check(bytes) {
            return (nil, [.malformed(path: path, message: failure.message, position: TextPosition(offset: failure.offset, in: bytes))])
        }
        let (document, problems) = StoreDecoder.read(bytes)
        let fieldProblems = problems.map { problem in
            StoreError.invalid(path: path, field: fieldName(problem.path), message: problem.message,
                               position: (problem.offset ?? JSONSyntaxChecker.offset(of: problem.path, in: bytes))
                                   .map { TextPosition(offset: $0, in: bytes) })
        }
        if !fieldProblems.isEmpty { return (document, fieldProblems) }
        guard let document else { return (nil, [.invalid(path: path, field: L("(top level)"), message: L("expected an object"))]) }
        return (document, document.recordProblems(path: path, bytes: bytes))
    }

    /// "programme.countries[0].phase".
    static func fieldName(_ path: [JSONPathKey]) -> String {
        var text = ""
        for key in path {
            switch key {
            case .index(let i): text += "[\(i)]"
            case .key(let k): text += (text.isEmpty ? "" : ".") + k
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func checkBytes(_ bytes: [UInt8], path: String) throws(StoreError) {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { throw .empty(path: path) }
        if bytes.allSatisfy({ $0 == 0 }) {
            throw .damaged(path: path, reason: L("it holds only zero bytes (a crash or a full disk while writing?)"), position: nil)
        }
        if let nul = find(0, in: bytes, from: 0) {
            let rest = bytes[nul...].allSatisfy { $0 == 0 }
            throw .damaged(path: path, reason: rest ? L("it holds zero bytes from here on (a crash or a full disk while writing?)")
                                                    : L("it holds a zero byte here, which a text file never does"), position: TextPosition(offset: nul, in: bytes))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .malformed(path: path, message: L("it begins with a byte-order mark (an editor's, saving as \"UTF-8 with BOM\"), ")
                             + L("which JSON does not allow; save it as plain UTF-8"), position: TextPosition(offset: 0, in: bytes))
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw .damaged(path: path, reason: L("it is not UTF-8 text"), position: TextPosition(offset: bad, in: bytes))
        }
        // Git conflict markers stand at the start of a line: each of the three searched for as a
        // whole (memmem), the first that is a real marker reported.
        var first: Int?
        for marker in ["<<<<<<<", "=======", ">>>>>>>"] {
            var from = 0
            while let hit = find(marker, in: bytes, from: from) {
                if hit == 0 || bytes[hit - 1] == 0x0A {
                    let lineEnd = find(0x0A, in: bytes, from: hit) ?? bytes.count
                    if isConflictMarker(bytes, from: hit, to: lineEnd) { first = min(first ?? hit, hit); break }
                }
                from = hit + 1
            }
        }
        if let first { throw .mergeConflict(path: path, position: TextPosition(offset: first, in: bytes)) }
    }

    /// Where `text` first stands at or after `start`: its first byte found with memchr, the rest compared.
    private static func find(_ text: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array(text.utf8)
        var from = start
        while let hit = find(needle[0], in: bytes, from: from) {
            if hit + needle.count <= bytes.count, bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            from = hit + 1
        }
        return nil
    }

    /// Where `byte` first stands at or after `start` (memchr: these scans cover the whole file).
    private static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, start < buffer.count,
                  let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    private static func isConflictMarker(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        let first = bytes[start]
        guard first == UInt8(ascii: "<") || first == UInt8(ascii: ">") || first == UInt8(ascii: "=") else { return false }
        for i in start..<(start + 7) where bytes[i] != first { return false }
        // "=======" is a marker only alone on its line; "<<<<<<<" and ">>>>>>>" may carry a name.
        return first != UInt8(ascii: "=") || end - start == 7
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library's validation is fast and copies nothing; walk scalar by scalar only to find where.
        if (try? UTF8Span(validating: bytes.span)) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Ids must be unique: countries among countries; milestones across the whole programme
    /// (a tick names only the milestone); the rest within their list. Events name real countries.
    /// `milestones`: false leaves out the milestones' own checks (their ids and moments), for a
    /// change of another record (`Programme.checkRecords`), which cannot touch them.
    func recordProblems(path: String, bytes: [UInt8], milestones: Bool = true) -> [StoreError] {
        var problems: [StoreError] = []
        func at(_ key: String) -> TextPosition? {
            JSONSyntaxChecker.offset(of: [.key(key)], in: bytes).map { TextPosition(offset: $0, in: bytes) }
        }
        if schemaVersion < 1 {
            problems.append(.invalid(path: path, field: "schemaVersion", message: L("must be 1 or more, found %@", "\(schemaVersion)"), position: at("schemaVersion")))
        }
        if revision < 1 {
            problems.append(.invalid(path: path, field: "revision", message: L("must be 1 or more, found %@", "\(revision)"), position: at("revision")))
        } else if revision >= StoreDocument.revisionLimit {
            // The next save (or merge) must raise it by one: it could not.
            problems.append(.invalid(path: path, field: "revision",
                                     message: L("%@ is the largest number a revision can be, so no save could raise it; set it back to 1", "\(revision)"),
                                     position: at("revision")))
        }
        func check(_ ids: [String], kind: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append(.duplicateID(path: path, kind: kind, id: id, position: StoreDocument.secondOccurrence(of: id, in: bytes)))
            }
        }
        check(programme.countries.map(\.id), kind: "country")
        // All milestone ids, quickly; in the order the officer reads them only when one repeats.
        var milestoneIDs = Set<String>(minimumCapacity: programme.milestoneCount)
        let repeated = milestones && !(programme.phases.allSatisfy { $0.milestones.allSatisfy { milestoneIDs.insert($0.id).inserted } }
                         && programme.countries.allSatisfy { $0.milestones.allSatisfy { milestoneIDs.insert($0.id).inserted } })
        if repeated { check(programme.milestoneEntries.map(\.milestone.id), kind: "milestone") }
        check(programme.phases.map { String($0.number) }, kind: "phase number")
        check(programme.events.map(\.id), kind: "event")
        check(programme.publications.map(\.id), kind: "publication")
        check(programme.contacts.map(\.id), kind: "contact")
        for country in programme.countries {
            check(country.policies.map(\.id), kind: "policy")
            check(country.projects.map(\.id), kind: "project")
        }
        // Country ids differ by more than case: `show irn` must reach exactly one.
        var folded: [String: String] = [:]
        for country in programme.countries {
            if let other = folded.updateValue(country.id, forKey: country.id.lowercased()), other != country.id {
                problems.append(.duplicateID(path: path, kind: "country (ignoring case)", id: country.id,
                                             position: StoreDocument.secondOccurrence(of: country.id, in: bytes)))
            }
        }
        func invalid(_ field: [JSONPathKey], _ message: String) {
            let position = JSONSyntaxChecker.offset(of: field, in: bytes).map { TextPosition(offset: $0, in: bytes) }
            problems.append(.invalid(path: path, field: StoreDocument.fieldName(field), message: message, position: position))
        }
        let countryIDs = Set(programme.countries.map(\.id))
        let phaseNumbers = programme.phases.map(\.number)
        var total = 0
        for (i, country) in programme.countries.enumerated() {
            let at: [JSONPathKey] = [.key("programme"), .key("countries"), .index(i)]
            if country.id.isEmpty { invalid(at + [.key("id")], "empty") }
            if !phaseNumbers.isEmpty && !phaseNumbers.contains(country.phase) {
                invalid(at + [.key("phase")], L("%@ is not a phase of the programme (the phases are ", "\(country.phase)")
                        + phaseNumbers.map(String.init).joined(separator: ", ") + ")")
            }
            for (j, project) in country.projects.enumerated() {
                guard let n = project.peopleReached else { continue }
                let field = at + [.key("projects"), .index(j), .key("peopleReached")]
                if n < 0 { invalid(field, L("cannot be negative, found %@", "\(n)")); continue }
                let (sum, overflow) = total.addingReportingOverflow(n)
                if overflow { invalid(field, L("the people reached add up past what knupp can count; check this figure")) } else { total = sum }
            }
            for j in country.milestones.indices where milestones {
                checkMoment(country.milestones[j], { at + [.key("milestones"), .index(j)] }, invalid)
            }
        }
        for (p, phase) in programme.phases.enumerated() {
            StoreDocument.checkChanges(phase.endChanges, { [.key("programme"), .key("phases"), .index(p), .key("endChanges")] }, invalid)
            for j in phase.milestones.indices where milestones {
                checkMoment(phase.milestones[j], { [.key("programme"), .key("phases"), .index(p), .key("milestones"), .index(j)] }, invalid)
            }
        }
        for (i, event) in programme.events.enumerated() {
            if let n = event.participants, n < 0 {
                invalid([.key("programme"), .key("events"), .index(i), .key("participants")], L("cannot be negative, found %@", "\(n)"))
            }
            for (j, id) in event.countries.enumerated() where !countryIDs.contains(id) {
                invalid([.key("programme"), .key("events"), .index(i), .key("countries"), .index(j)], L("“%@” is not a country of the programme", "\(id)"))
            }
        }
        return problems + resultProblems(path: path, bytes: bytes) + fundingProblems(path: path, bytes: bytes)
    }

    /// A tick's moment must be one: ISO 8601 in UTC or with an offset, e.g. 2026-11-28T10:00:00Z;
    /// the day it was achieved, a day (YYYY-MM-DD). (The milestone's path is made only for a
    /// problem: one list per milestone was most of this check.)
    private func checkMoment(_ m: Milestone, _ at: () -> [JSONPathKey], _ invalid: ([JSONPathKey], String) -> Void) {
        if let moment = m.doneAt, !Moment.isValid(moment) {
            invalid(at() + [.key("doneAt")], L("“%@” is not a moment: write it as 2026-11-28T10:00:00Z", "\(moment)"))
        }
        if let moment = m.addedAt, !Moment.isValid(moment) {
            invalid(at() + [.key("addedAt")], L("“%@” is not a moment: write it as 2026-11-28T10:00:00Z", "\(moment)"))
        }
        if let day = m.doneOn, day.precision != .day {
            invalid(at() + [.key("doneOn")], L("“%@” is not a day: the day it was achieved is written YYYY-MM-DD", "\(day)"))
        }
        StoreDocument.checkChanges(m.dueChanges, { at() + [.key("dueChanges")] }, invalid)
        for (k, entry) in m.notes.enumerated() where !Moment.isValid(entry.at) {
            invalid(at() + [.key("notes"), .index(k), .key("at")], L("“%@” is not a moment: write it as 2026-11-28T10:00:00Z", "\(entry.at)"))
        }
    }

    /// Each move of a date names the moment it was made, as a tick does.
    static func checkChanges(_ changes: [DateChange], _ at: () -> [JSONPathKey], _ invalid: ([JSONPathKey], String) -> Void) {
        for (k, change) in changes.enumerated() where !Moment.isValid(change.at) {
            invalid(at() + [.index(k), .key("at")], L("“%@” is not a moment: write it as 2026-11-28T10:00:00Z", "\(change.at)"))
        }
    }

    /// Where `"id" : "<id>"` stands the second time, so the message can point at it.
    static func secondOccurrence(of id: String, in bytes: [UInt8]) -> TextPosition? {
        let text = String(decoding: bytes, as: UTF8.self)
        let needles = ["\"id\" : \"\(id)\"", "\"id\": \"\(id)\"", "\"id\":\"\(id)\"", "\"number\" : \(id)"]
        for needle in needles {
            guard let first = text.range(of: needle),
                  let second = text.range(of: needle, range: first.upperBound..<text.endIndex) else { continue }
            return TextPosition(offset: text.utf8.distance(from: text.startIndex, to: second.lowerBound), in: bytes)
        }
        return nil
    }
}
