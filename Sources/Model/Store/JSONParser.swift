/// Reads JSON text into a `JSONValue` tree: for the merge driver, lock files and keys this knupp
/// does not know (the store's fields are read by `StoreDecoder`; the syntax checker has already
/// said where any error is). Notes where a key stands a second time in one
/// object, since the file's meaning would then depend on which one a reader keeps.
struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    /// Where the first key repeated within one object stands, if any.
    var duplicateKey: (key: String, offset: Int)?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The document, or nil when the bytes are not JSON (run `JSONSyntaxChecker` first to say where).
    mutating func document() -> JSONValue? {
        guard let value = value() else { return nil }
        space()
        return i == bytes.count ? value : nil
    }

    mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    mutating func value() -> JSONValue? {
        space()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: JSONValue] = [:]
            space()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                space()
                let keyOffset = i
                guard let key = string() else { return nil }
                space()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value() else { return nil }
                if members.updateValue(v, forKey: key) != nil, duplicateKey == nil { duplicateKey = (key, keyOffset) }
                space()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            space()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                guard let v = value() else { return nil }
                items.append(v)
                space()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map(JSONValue.string)
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default:
            let start = i
            while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
            return i > start ? .number(String(decoding: bytes[start..<i], as: UTF8.self)) : nil
        }
    }

    /// A JSON string at the cursor, unescaped. One pass that appends UTF-8 bytes to one buffer
    /// and makes the String once at the end: time in proportion to the string, however many
    /// escapes it holds (a string rebuilt at each escape took seconds for a note of 320,000).
    mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var utf8: [UInt8] = []
        while i < bytes.count {
            // The run up to the next quote or backslash goes over as it is.
            let run = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
            if i > run { utf8.append(contentsOf: bytes[run..<i]) }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            guard i + 1 < bytes.count else { break }
            let escape = bytes[i + 1]
            i += 2
            if let control = JSONParser.controlEscape(escape) {
                utf8.append(control)
                continue
            }
            switch escape {
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    guard let low = hex4() else { return nil }
                    // A high surrogate must be followed by a low one; anything else is not a character.
                    code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                UTF8.encode(scalar) { utf8.append($0) }
            default: utf8.append(escape)
            }
        }
        return nil
    }

    /// The control character a one-letter escape stands for (`\n`, `\t`, `\r`, `\b`, `\f`): the
    /// same in JSON and in TOML's basic strings.
    static func controlEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        default: nil
        }
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
        i += 4
        return code
    }
}
