/// Writes the store's canonical bytes directly, without Codable: keys sorted (byte order),
/// two-space indentation, `" : "` between key and value, `[]` and `{}` for empty lists and
/// objects, a final newline. Byte for byte what Foundation's sorted, pretty-printed encoder
/// wrote (a test holds the two equal), so files written before and after diff only where they
/// changed. Keys a record holds that this version does not know are written back in their place.
struct StoreEncoder {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Per open object: whether a member was written yet.
    private var first: [Bool] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    // MARK: The document

    static func encode(_ document: StoreDocument, capacity: Int = 0) -> [UInt8] {
        var w = StoreEncoder(capacity: capacity)
        // The header keys stay in this order (not sorted): schema first, then revision.
        w.beginObject()
        w.key("schemaVersion"); w.int(document.schemaVersion)
        w.key("revision"); w.int(document.revision)
        w.key("programme"); w.programme(document.programme)
        w.members(document.unknownFields)
        w.endObject()
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// One milestone's object as it stands `depth` containers deep in a document: byte for byte
    /// what the whole document's encoding holds there (an edit in place writes only this).
    static func encode(_ milestone: Milestone, depth: Int) -> [UInt8] {
        var w = StoreEncoder()
        w.depth = depth
        w.milestone(milestone)
        return w.bytes
    }

    // MARK: Records (each writes its keys in sorted order; `fields` slots the unknown ones in)

    private mutating func programme(_ p: Programme) {
        record(p.unknownFields) { w, f in
            f.field("contacts", &w) { $0.list(p.contacts) { $0.contact($1) } }
            f.field("countries", &w) { $0.list(p.countries) { $0.country($1) } }
            f.field("events", &w) { $0.list(p.events) { $0.event($1) } }
            f.field("goals", &w) { $0.list(p.goals) { $0.goal($1) } }
            f.field("name", &w) { $0.string(p.name) }
            f.field("partners", &w) { $0.list(p.partners) { $0.partner($1) } }
            f.field("phases", &w) { $0.list(p.phases) { $0.phase($1) } }
            f.field("prospectiveCountries", &w) { $0.list(p.prospectiveCountries) { $0.prospectiveCountry($1) } }
            f.field("publications", &w) { $0.list(p.publications) { $0.publication($1) } }
            f.field("shortName", &w) { $0.string(p.shortName) }
            f.field("summary", &w) { $0.string(p.summary) }
        }
    }

    private mutating func phase(_ p: Phase) {
        record(p.unknownFields) { w, f in
            f.field("end", &w) { $0.string(p.end.description) }
            f.field("endIsExpected", &w) { $0.bool(p.endIsExpected) }
            f.optional("implementationStart", p.implementationStart, &w) { $0.string($1.description) }
            f.optional("launch", p.launch, &w) { $0.string($1.description) }
            f.optional("launchNote", p.launchNote, &w) { $0.string($1) }
            f.field("milestones", &w) { $0.list(p.milestones) { $0.milestone($1) } }
            f.field("number", &w) { $0.int(p.number) }
            f.field("start", &w) { $0.string(p.start.description) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    private mutating func country(_ c: Country) {
        record(c.unknownFields) { w, f in
            f.field("funding", &w) { $0.list(c.funding) { $0.string($1) } }
            f.field("id", &w) { $0.string(c.id) }
            f.field("milestones", &w) { $0.list(c.milestones) { $0.milestone($1) } }
            f.field("name", &w) { $0.string(c.name) }
            f.field("notes", &w) { $0.string(c.notes) }
            f.optional("officialName", c.officialName, &w) { $0.string($1) }
            f.field("phase", &w) { $0.int(c.phase) }
            f.field("policies", &w) { $0.list(c.policies) { $0.policy($1) } }
            f.field("projects", &w) { $0.list(c.projects) { $0.project($1) } }
            f.field("scope", &w) { $0.scope(c.scope) }
            f.optional("stage", c.stage, &w) { $0.string($1.rawValue) }
            f.optional("stageBasis", c.stageBasis, &w) { $0.string($1) }
        }
    }

    private mutating func scope(_ s: Scope) {
        record(s.unknownFields) { w, f in
            f.field("level", &w) { $0.string(s.level.rawValue) }
            f.optional("subdivision", s.subdivision, &w) { $0.string($1) }
        }
    }

    private mutating func policy(_ p: PolicyDocument) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.optional("note", p.note, &w) { $0.string($1) }
            f.field("status", &w) { $0.string(p.status.rawValue) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    private mutating func project(_ p: DemonstrationProject) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.optional("note", p.note, &w) { $0.string($1) }
            f.optional("peopleReached", p.peopleReached, &w) { $0.int($1) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    private mutating func milestone(_ m: Milestone) {
        record(m.unknownFields) { w, f in
            f.field("done", &w) { $0.bool(m.done) }
            f.optional("doneAt", m.doneAt, &w) { $0.string($1) }
            f.optional("doneBy", m.doneBy, &w) { $0.string($1) }
            f.optional("due", m.due, &w) { $0.string($1.description) }
            f.optional("evidence", m.evidence, &w) { $0.string($1) }
            f.field("id", &w) { $0.string(m.id) }
            f.optional("note", m.note, &w) { $0.string($1) }
            f.field("title", &w) { $0.string(m.title) }
        }
    }

    private mutating func event(_ e: Event) {
        record(e.unknownFields) { w, f in
            f.field("countries", &w) { $0.list(e.countries) { $0.string($1) } }
            f.field("date", &w) { $0.string(e.date.description) }
            f.field("id", &w) { $0.string(e.id) }
            f.optional("participants", e.participants, &w) { $0.int($1) }
            f.field("summary", &w) { $0.string(e.summary) }
            f.field("title", &w) { $0.string(e.title) }
        }
    }

    private mutating func publication(_ p: Publication) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("summary", &w) { $0.string(p.summary) }
            f.optional("title", p.title, &w) { $0.string($1) }
        }
    }

    private mutating func contact(_ c: Contact) {
        record(c.unknownFields) { w, f in
            f.field("id", &w) { $0.string(c.id) }
            f.field("name", &w) { $0.string(c.name) }
            f.field("title", &w) { $0.string(c.title) }
            f.field("unit", &w) { $0.string(c.unit) }
        }
    }

    private mutating func prospectiveCountry(_ p: ProspectiveCountry) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("name", &w) { $0.string(p.name) }
            f.optional("note", p.note, &w) { $0.string($1) }
        }
    }

    private mutating func partner(_ p: Partner) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("name", &w) { $0.string(p.name) }
        }
    }

    private mutating func goal(_ g: Goal) {
        record(g.unknownFields) { w, f in
            f.optional("detail", g.detail, &w) { $0.string($1) }
            f.field("id", &w) { $0.string(g.id) }
            f.field("title", &w) { $0.string(g.title) }
        }
    }

    // MARK: Objects with their unknown keys slotted in

    /// Writes a record's known fields, in sorted order, with the keys this version does not know
    /// placed among them where sorting puts them.
    private mutating func record(_ unknown: [String: JSONValue], _ body: (inout StoreEncoder, inout KnownFields) -> Void) {
        var fields = KnownFields(unknown: unknown.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, values: unknown)
        beginObject()
        body(&self, &fields)
        fields.flush(upTo: nil, &self)
        endObject()
    }

    fileprivate struct KnownFields {
        let unknown: [String]
        let values: [String: JSONValue]
        var next = 0
        #if DEBUG
        var last: String?
        #endif

        init(unknown: [String], values: [String: JSONValue]) { self.unknown = unknown; self.values = values }

        mutating func field(_ key: String, _ w: inout StoreEncoder, _ value: (inout StoreEncoder) -> Void) {
            #if DEBUG
            // The known keys must be written in sorted order, or the file would not be canonical.
            assert(last.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true, "\(key) written out of order")
            last = key
            #endif
            flush(upTo: key, &w)
            if next < unknown.count, unknown[next] == key { next += 1 } // a known key wins over a stray copy
            w.key(key)
            value(&w)
        }

        mutating func optional<T>(_ key: String, _ value: T?, _ w: inout StoreEncoder, _ write: (inout StoreEncoder, T) -> Void) {
            guard let value else { return }
            field(key, &w) { write(&$0, value) }
        }

        /// Writes the unknown keys that sort before `key` (all that are left, when nil).
        mutating func flush(upTo key: String?, _ w: inout StoreEncoder) {
            while next < unknown.count, key.map({ unknown[next].utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                let name = unknown[next]
                w.key(name)
                w.value(values[name] ?? .null)
                next += 1
            }
        }
    }

    /// An object's members in sorted order (unknown keys, and objects inside them).
    private mutating func members(_ members: [String: JSONValue]) {
        for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            self.key(key)
            value(members[key] ?? .null)
        }
    }

    // MARK: JSON

    private mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first.append(true)
    }

    private mutating func endObject() {
        depth -= 1
        let empty = first.removeLast()
        if !empty { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func key(_ key: String) {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
        newline()
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func list<T>(_ items: [T], _ element: (inout StoreEncoder, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        guard !items.isEmpty else { bytes.append(UInt8(ascii: "]")); return }
        depth += 1
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            element(&self, item)
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func value(_ v: JSONValue) {
        switch v {
        case .object(let members):
            beginObject()
            self.members(members)
            endObject()
        case .array(let items): list(items) { $0.value($1) }
        case .string(let s): string(s)
        case .number(let n): bytes.append(contentsOf: n.utf8)
        case .bool(let b): bool(b)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    private mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    private mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }

    /// A JSON string as Foundation writes it: `"` and `\` escaped, \b \f \n \r \t by name,
    /// other controls as \u00XX (lower-case hex), everything else as its UTF-8 bytes.
    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
