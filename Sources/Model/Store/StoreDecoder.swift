/// Reads a store file's bytes straight into the model, field by field: no Codable, no tree of
/// values in between (a value tree costs several times the file in memory). The tokens come from
/// the one scanner (`JSONReader`); which key goes where comes from each record's table of fields
/// (`StoreTables.swift`), the same table the encoder writes from. The syntax checker has already
/// passed the bytes (or they were read whole and found valid before), so this reader may trust
/// their shape; where it cannot, it stops with a problem rather than guess.
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

    var reader: JSONReader
    /// Where the reader is: each key as its token (its text is made only when a problem is
    /// reported: a name per member read was a tenth of loading a large store), each index.
    enum Step { case key(JSONScanner.Token), index(Int) }
    var steps: [Step] = []
    /// The path of `steps`, in names, for a problem.
    var path: [JSONPathKey] {
        steps.map { step in
            switch step {
            case .key(let token): .key(reader.text(of: token))
            case .index(let i): .index(i)
            }
        }
    }
    var problems: [Problem] = []
    /// Set once bytes that are not JSON were met: nothing after them is read or reported.
    var stopped = false

    /// The milestones a second thread reads from about the middle of a large file on
    /// (`StoreDecoder+Halves.swift`), for `list` to take when it comes to them.
    var second: SecondReader?
    /// Runs of records taken from the second reader.
    var handovers = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) { reader = JSONReader(bytes, from: offset) }

    /// The document in `bytes` and every problem found in reading it.
    /// `twoCores`: a large file's second half read on another thread (`SecondReader`); the
    /// same document and problems either way.
    static func read(_ bytes: [UInt8], twoCores: Bool = true) -> (document: StoreDocument?, problems: [Problem]) {
        let (document, problems, _) = readCounting(bytes, twoCores: twoCores)
        return (document, problems)
    }

    /// The same, with how many runs of records the second reader's were taken (for the tests).
    static func readCounting(_ bytes: [UInt8], twoCores: Bool) -> (document: StoreDocument?, problems: [Problem], handovers: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = StoreDecoder(buffer)
            if twoCores { decoder.second = SecondReader.begin(buffer) }
            let document = decoder.document()
            // The second reader reads these bytes: it is done before they go.
            decoder.second?.finish()
            return (document, decoder.problems, decoder.handovers)
        }
    }

    /// One milestone's object alone (for an edit in place): nil when it has any problem, or
    /// anything follows it.
    static func milestone(_ bytes: [UInt8]) -> Milestone? { record(Milestone.self, from: bytes) }

    // MARK: The document

    /// The header's keys stand in a fixed order (schema, revision, programme), not in a table.
    private mutating func document() -> StoreDocument? {
        let start = reader.token.start
        guard reader.token.kind == .beginObject else {
            problems.append(Problem(path: [], message: L("expected an object"), offset: start))
            return nil
        }
        var version: Int?, revision: Int?, programme: Programme?, unknown: [String: JSONValue] = [:]
        var seen: UInt64 = 0
        _ = members(&unknown) { d, key in
            let index: Int
            switch d.reader.text(of: key) {
            case "schemaVersion": index = 0; version = d.int()
            case "revision": index = 1; revision = d.int()
            case "programme": index = 2; programme = d.record(Programme.self)
            default: return false
            }
            d.noteSeen(index, &seen, key: key)
            return true
        }
        guard let version else {
            problems.append(Problem(path: [.key("schemaVersion")], message: L("missing: this does not look like a knupp store"), offset: start))
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

    /// Marks field `index` of an object read, reporting it when it was read already.
    mutating func noteSeen(_ index: Int, _ seen: inout UInt64, key: JSONScanner.Token) {
        let bit: UInt64 = 1 << UInt64(index)
        if seen & bit != 0 {
            problems.append(Problem(path: path, message: L("stands twice in one object; keep one"), offset: key.start))
        }
        seen |= bit
    }
}

extension CalendarDate {
    /// Stands in for a date the file lacks, while the problem is reported.
    static let placeholder = CalendarDate.fromOrdinal(0)
}

extension StoreDecoder {
    /// One record alone, by its table: nil when it has any problem or anything follows it.
    static func record<R: StoreRecord>(_: R.Type, from bytes: [UInt8]) -> R? {
        let (record, problems) = read(R.self, bytes)
        return problems.isEmpty ? record : nil
    }

    /// The problems of one record alone.
    static func problems<R: StoreRecord>(_: R.Type, in bytes: [UInt8]) -> [Problem] { read(R.self, bytes).problems }

    private static func read<R: StoreRecord>(_: R.Type, _ bytes: [UInt8]) -> (R?, problems: [Problem]) {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = StoreDecoder(buffer)
            guard decoder.reader.token.kind == .beginObject else { return (nil, [Problem(path: [], message: L("expected an object"), offset: 0)]) }
            let record = decoder.record(R.self)
            if decoder.reader.token.kind != .end {
                decoder.problems.append(Problem(path: [], message: L("text after the record"), offset: decoder.reader.token.start))
            }
            return (record, decoder.problems)
        }
    }
}
