/// Reads a store file's bytes straight into the model, field by field: no Codable, no tree of
/// values in between (a value tree costs several times the file in memory). The syntax checker
/// has already passed the bytes, so this reader may trust their shape.
///
/// Every problem is collected with its path and place (loading stops at the first, `knupp
/// validate` lists them all: one code path for both). Keys this version does not know are kept
/// on the record they stand in, so the next save writes them back unchanged.
struct StoreDecoder {
    /// A field that is missing, repeated, or holds the wrong kind of value.
    struct Problem: Equatable {
        var path: [JSONPathKey]
        var message: String
        /// Where in the file, when the reader knows.
        var offset: Int?
    }

    let bytes: [UInt8]
    var i = 0
    var path: [JSONPathKey] = []
    /// The keys of the objects being read, innermost last: one buffer for all of them rather
    /// than a list per object (a large store has one object per milestone).
    var seenKeys: [String] = []
    var problems: [Problem] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: The document

    mutating func document() -> StoreDocument? {
        space()
        guard peek == UInt8(ascii: "{") else {
            problems.append(Problem(path: [], message: "expected an object", offset: i))
            return nil
        }
        let start = i
        var version: Int?, revision: Int?, programme: Programme?, unknown: [String: JSONValue] = [:]
        _ = object(&unknown) { d, key in
            switch key {
            case "schemaVersion": version = d.int()
            case "revision": revision = d.int()
            case "programme": programme = d.programme()
            default: return false
            }
            return true
        }
        guard let version else {
            problems.append(Problem(path: [.key("schemaVersion")], message: "missing: this does not look like a knupp store", offset: start))
            return nil
        }
        guard let programme else {
            problems.append(Problem(path: [.key("programme")], message: "missing", offset: start))
            return nil
        }
        var document = StoreDocument(schemaVersion: version, revision: revision ?? 0, programme: programme)
        document.unknownFields = unknown
        return document
    }

    /// One milestone's object alone (for an edit in place): nil when it has any problem, or
    /// anything follows it.
    static func milestone(_ bytes: [UInt8]) -> Milestone? {
        var d = StoreDecoder(bytes: bytes)
        d.space()
        guard d.peek == UInt8(ascii: "{") else { return nil }
        let m = d.milestone()
        d.space()
        return d.problems.isEmpty && d.i == bytes.count ? m : nil
    }

}

extension CalendarDate {
    /// Stands in for a date the file lacks, while the problem is reported.
    static let placeholder = CalendarDate.fromOrdinal(0)
}
