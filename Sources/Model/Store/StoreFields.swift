/// A record the store file holds: its fields are listed once, in a table (`StoreTables.swift`),
/// from which the decoder reads and the encoder writes it.
protocol StoreRecord {
    /// The record's fields in the file.
    static var storeTable: StoreTable<Self> { get }
    /// What a record holds before its fields are read: what stands in for a field that is
    /// missing (while the problem is reported), and for a record that is not an object.
    static var blank: Self { get }
    /// Its keys this version does not know, written back where they stood.
    var unknownFields: [String: JSONValue] { get set }
}

/// One record type's fields, kept in the file's order (keys sorted by their bytes): the encoder
/// writes them in this order, which makes the file canonical, and the decoder looks for the
/// next key where the last one was found (a canonical file's keys come in this order).
/// Unchecked Sendable: made once, never changed; its closures capture only other closures and
/// keys, nothing that changes.
struct StoreTable<Record>: @unchecked Sendable {
    let fields: [StoreField<Record>]

    init(_ fields: [StoreField<Record>]) {
        let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        precondition(sorted.count <= 64, "a record of more than 64 fields: widen StoreDecoder's record of keys seen")
        precondition(zip(sorted, sorted.dropFirst()).allSatisfy { $0.key != $1.key }, "a key stands twice in a store table")
        self.fields = sorted
    }

    /// Which field a key token names, looked for from `hint` on (then from the start).
    func index(of key: JSONScanner.Token, in scanner: JSONScanner, from hint: Int) -> Int? {
        let count = fields.count
        var k = 0
        while k < count {
            var index = hint + k
            if index >= count { index -= count }
            let matches = fields[index].keyBytes.withUnsafeBufferPointer { scanner.text(of: key, equals: $0) }
            if matches { return index }
            k += 1
        }
        return nil
    }
}

/// One field of a record: its key, whether the file must hold it, and how its value is read
/// into the record and written from it.
struct StoreField<Record> {
    let key: String
    let keyBytes: [UInt8]
    let isRequired: Bool
    /// What the field holds, for a value typed by an officer (`knupp set`).
    let kind: FieldKind
    let read: (inout StoreDecoder, inout Record) -> Void
    let write: (inout StoreEncoder, inout StoreEncoder.KnownFields, Record) -> Void

    private init(_ key: String, required: Bool, kind: FieldKind, read: @escaping (inout StoreDecoder, inout Record) -> Void,
                 write: @escaping (inout StoreEncoder, inout StoreEncoder.KnownFields, Record) -> Void) {
        self.key = key; keyBytes = Array(key.utf8); isRequired = required; self.kind = kind; self.read = read; self.write = write
    }

    /// A field every record holds (`null` is refused): its key, its kind of value, and how the
    /// property is read and set. (Closures, not key paths: a key path is looked up while the
    /// program runs, which made every save half as slow again.)
    @inline(__always)
    static func required<T>(_ key: String, _ value: StoreValue<T>, _ get: @escaping (Record) -> T, _ set: @escaping (inout Record, T) -> Void) -> StoreField {
        StoreField(key, required: true, kind: value.kind,
                   read: { d, record in if let v = value.read(&d) { set(&record, v) } },
                   write: { w, fields, record in fields.field(key, &w) { value.write(&$0, get(record)) } })
    }

    /// A field that may be absent or `null` (nil), and is left out when nil.
    @inline(__always)
    static func optional<T>(_ key: String, _ value: StoreValue<T>, _ get: @escaping (Record) -> T?, _ set: @escaping (inout Record, T?) -> Void) -> StoreField {
        StoreField(key, required: false, kind: value.kind,
                   read: { d, record in set(&record, d.optional(value.read)) },
                   write: { w, fields, record in fields.optional(key, get(record), &w, value.write) })
    }
}

/// How one kind of value is read from the file and written to it.
struct StoreValue<T> {
    /// nil, with the problem reported, when the file holds something else.
    let read: (inout StoreDecoder) -> T?
    let write: (inout StoreEncoder, T) -> Void
    var kind: FieldKind = .records
}

/// What a field holds, as an officer types it (`knupp set RECORD FIELD=VALUE`).
public enum FieldKind: Equatable, Sendable {
    case text, number, flag, date
    /// A decimal amount: 250000, 1250.50.
    case amount
    /// One of these words.
    case word([String])
    /// A scope: "national", or the subdivision's name.
    case scope
    /// A list of texts, typed with commas between them.
    case texts
    /// Records of their own (a country's milestones, policies; a log): not set as a value.
    case records
}

extension StoreValue where T == String {
    @inline(__always)
    static var text: StoreValue { StoreValue(read: { $0.string() }, write: { $0.string($1) }, kind: .text) }
}

extension StoreValue where T == String {
    /// A decimal amount, written as a JSON number with the officer's digits.
    @inline(__always)
    static var amount: StoreValue { StoreValue(read: { $0.amount() }, write: { $0.number($1) }, kind: .amount) }
}

extension StoreValue where T == Int {
    @inline(__always)
    static var int: StoreValue { StoreValue(read: { $0.int() }, write: { $0.int($1) }, kind: .number) }
}

extension StoreValue where T == Bool {
    @inline(__always)
    static var bool: StoreValue { StoreValue(read: { $0.bool() }, write: { $0.bool($1) }, kind: .flag) }
}

extension StoreValue where T == CalendarDate {
    /// "2026", "2026-05" or "2026-05-20".
    @inline(__always)
    static var date: StoreValue { StoreValue(read: { $0.date() }, write: { $0.string($1.description) }, kind: .date) }
}

extension StoreValue where T: RawRepresentable, T.RawValue == String {
    /// One of the type's words.
    @inline(__always)
    static var word: StoreValue { StoreValue(read: { $0.enumeration(T.init(rawValue:)) }, write: { $0.string($1.rawValue) }, kind: .word([])) }
}

extension StoreValue where T: RawRepresentable & CaseIterable, T.RawValue == String {
    /// One of the type's words, which an officer may be told.
    @inline(__always)
    static var word: StoreValue {
        StoreValue(read: { $0.enumeration(T.init(rawValue:)) }, write: { $0.string($1.rawValue) }, kind: .word(T.allCases.map(\.rawValue)))
    }
}

extension StoreValue where T: StoreRecord {
    /// A record, by its own table.
    @inline(__always)
    static var record: StoreValue { StoreValue(read: { $0.recordIfObject(T.self) }, write: { $0.record($1) }) }
}

extension StoreValue {
    /// A list of values; an element that cannot be read stands as `placeholder` while its
    /// problem is reported.
    @inline(__always)
    static func list<E>(_ element: StoreValue<E>, placeholder: E) -> StoreValue<[E]> {
        StoreValue<[E]>(read: { d in d.list { element.read(&$0) ?? placeholder } },
                        write: { w, items in w.list(items) { element.write(&$0, $1) } }, kind: element.kind == .text ? .texts : .records)
    }

    /// A list of records.
    @inline(__always)
    static func list<E: StoreRecord>(of _: E.Type) -> StoreValue<[E]> {
        StoreValue<[E]>(read: { d in d.list { $0.record(E.self) } }, write: { w, items in w.list(items) { $0.record($1) } })
    }
}
