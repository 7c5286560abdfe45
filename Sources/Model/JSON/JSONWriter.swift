import Foundation

/// Pretty JSON written straight to bytes: two-space indentation, `" : "` between key and value,
/// `[]` and `{}` for empty lists and objects; strings escaped as Foundation's encoder escapes
/// them. The one JSON writer: the store file (`StoreEncoder`, which adds the records), lock
/// files and compact values (`JSONValue.quote`), and the commands' `--json` reports
/// (`ProgressReport.jsonText`). Members are written in the order given: writers of sorted
/// JSON give their keys sorted.
public struct JSONWriter {
    public internal(set) var bytes: [UInt8] = []
    var depth = 0
    /// Per open object or list: whether a member was written yet.
    var first: [Bool] = []
    /// Characters written as `\u` escapes beyond those JSON requires (the commands' output
    /// escapes what a terminal would act on or hide); only text with a byte from 0x7F up is
    /// looked at character by character.
    let alsoEscape: (@Sendable (Unicode.Scalar) -> Bool)?
    /// Where the bytes go as they are made, when they are not kept whole: given what was written
    /// so far each time a list's element ends past `drainSize` bytes, which are then let go (a
    /// report of 200 MB is never held whole). `finish()` gives the rest.
    private let drain: ((UnsafeRawBufferPointer) -> Void)?
    private let drainSize: Int

    public init(capacity: Int = 0, alsoEscape: (@Sendable (Unicode.Scalar) -> Bool)? = nil) {
        bytes.reserveCapacity(capacity)
        self.alsoEscape = alsoEscape
        drain = nil
        drainSize = 0
    }

    /// A writer that hands its bytes to `drain` in pieces of about `pieceSize` bytes.
    public init(pieceSize: Int = 1 << 20, alsoEscape: (@Sendable (Unicode.Scalar) -> Bool)? = nil,
                drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        bytes.reserveCapacity(pieceSize + (pieceSize >> 2))
        self.alsoEscape = alsoEscape
        self.drain = drain
        drainSize = pieceSize
    }

    /// Hands what is left to the drain (nothing without one).
    public mutating func finish() {
        guard let drain, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(drain)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first.append(true)
    }

    public mutating func endObject() {
        depth -= 1
        let empty = first.removeLast()
        if !empty { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func key(_ key: String) {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
        newline()
        // A key of plain ASCII letters (every key knupp writes) needs no escape: copied whole.
        var plain = key
        let copied = plain.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { string(key) }
        bytes.append(0x20); bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
    }

    /// A line break and the indentation of `depth`, two spaces a level, copied from one run of spaces.
    mutating func newline() {
        bytes.append(0x0A)
        let width = depth * 2
        if width <= JSONWriter.spaces.count {
            JSONWriter.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<width])) }
        } else {
            for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    public mutating func list<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        guard !items.isEmpty else { bytes.append(UInt8(ascii: "]")); return }
        depth += 1
        // Counted by index: `enumerated()` asks the runtime for its tuple's metadata at every
        // element where this is not specialised (a report's milestones cost 3% in it).
        for i in 0..<items.count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            element(&self, items[i])
            if drain != nil && bytes.count >= drainSize { finish() }
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Whether `longList` may use a second core (set by the writer of a long report).
    public var twoCores = false

    /// `list`'s very bytes, made on two cores for a long list: the elements go in pairs of
    /// blocks, the second block of each pair written on another thread (into a buffer of its
    /// own, at the same depth) while this one writes the first, then appended. A block is a
    /// 32nd of the list, so no more than that is held beside what the drain takes. The lists
    /// inside an element are written on one core (two cores are busy already).
    public mutating func longList<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        guard twoCores, items.count >= 64 else { return list(items, element) }
        twoCores = false
        defer { twoCores = true }
        bytes.append(UInt8(ascii: "["))
        depth += 1
        let block = items.count / 32
        var start = 0
        // One buffer for every second block, emptied after each (not a new one grown again).
        var other = JSONWriter(alsoEscape: alsoEscape)
        other.depth = depth
        while start < items.count {
            let first = start..<min(start + block, items.count)
            let second = first.upperBound..<min(first.upperBound + block, items.count)
            other.bytes.removeAll(keepingCapacity: true)
            TwoCores.both({
                for i in first {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline()
                    element(&self, items[i])
                    if drain != nil && bytes.count >= drainSize { finish() }
                }
            }, {
                for i in second {
                    other.bytes.append(UInt8(ascii: ","))
                    other.newline()
                    element(&other, items[i])
                }
            })
            if let drain {
                // Handed on as it is, not copied behind this writer's bytes.
                finish()
                other.bytes.withUnsafeBytes(drain)
            } else {
                bytes.append(contentsOf: other.bytes)
            }
            start = second.upperBound
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func value(_ v: JSONValue) {
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

    public mutating func null() { bytes.append(contentsOf: "null".utf8) }

    public mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    /// A number already written as JSON writes one ("45.0", "-0.1250"): the caller's digits as they are.
    public mutating func number(_ digits: String) { bytes.append(contentsOf: digits.utf8) }

    public mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }

    /// A JSON string as Foundation writes it: `"` and `\` escaped, \b \f \n \r \t by name,
    /// other controls as \u00XX (lower-case hex), everything else as its UTF-8 bytes, but for
    /// `alsoEscape`'s characters, written as `\u` escapes (a UTF-16 unit each). One pass over the
    /// bytes: most text needs no escape and is copied in runs, up to the first byte that does;
    /// only a byte from 0x7F up has its character decoded, and only with `alsoEscape`.
    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            var run = 0, i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                    escape(byte)
                    i += 1
                    run = i
                } else if byte >= 0x7F, let alsoEscape {
                    let (scalar, length) = JSONWriter.scalar(in: utf8, at: i)
                    if alsoEscape(scalar) {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                        unicodeEscape(scalar)
                        run = i + length
                    }
                    i += length
                } else {
                    i += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The character whose UTF-8 starts at `i` of valid UTF-8 (a String's), and its length.
    private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[i])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private mutating func unicodeEscape(_ scalar: Unicode.Scalar) {
        let hex: StaticString = "0123456789abcdef"
        for unit in String(scalar).utf16 {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
            for shift in [12, 8, 4, 0] { bytes.append(hex.utf8Start[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// The final line end of a document.
    public mutating func endLine() { bytes.append(0x0A) }

    // MARK: Objects field by field (keys given in sorted order for sorted JSON)

    /// An object whose members `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    public mutating func field(_ key: String, _ value: String) { self.key(key); string(value) }
    public mutating func field(_ key: String, _ value: Int) { self.key(key); int(value) }
    public mutating func field(_ key: String, _ value: Bool) { self.key(key); bool(value) }
    /// Left out when nil, as Codable leaves out an optional.
    public mutating func field(_ key: String, _ value: String?) { if let value { field(key, value) } }
    public mutating func field(_ key: String, _ value: Int?) { if let value { field(key, value) } }
    public mutating func field(_ key: String, _ texts: [String]) { self.key(key); list(texts) { $0.string($1) } }
    /// A list that may be long, written on two cores where the writer allows (`longList`).
    public mutating func longField<T>(_ key: String, _ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        self.key(key)
        longList(items, element)
    }

    public mutating func field<T>(_ key: String, _ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        self.key(key)
        list(items, element)
    }
}
