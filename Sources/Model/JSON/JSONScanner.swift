import Foundation

/// The one reader of JSON's bytes: it cuts them into tokens, each with its byte range, and
/// checks every token as it goes (a string's escapes and control characters, a number's digits,
/// a literal's letters). The syntax checker, the value parser, the store's decoder and the
/// outline of an edit in place all read through it, so they cannot disagree on where a string
/// ends or what it says. It knows nothing of nesting: that is the grammar its readers follow.
///
/// It reads memory it does not own (`bytes`): make it inside `withUnsafeBufferPointer`, and let
/// it go before the closure returns.
struct JSONScanner {
    enum Kind: UInt8 {
        case beginObject, endObject, beginArray, endArray, colon, comma
        case string, number, `true`, `false`, null
        /// The end of the bytes.
        case end
        /// A byte that starts no token: the reader says what it expected there.
        case unexpected
        /// A token begun but broken (`failure` says how and where).
        case invalid
    }

    struct Token: Equatable {
        var kind: Kind
        /// Its bytes: a string's from quote to quote.
        var start: Int
        var end: Int
        /// A string holding an escape: its text must be unescaped (`text(of:)`); otherwise the
        /// bytes between its quotes are its text.
        var escaped = false

        /// A string's bytes inside its quotes.
        var inside: Range<Int> { (start + 1)..<(end - 1) }
    }

    struct Failure: Error, Equatable {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token is looked for.
    var offset = 0
    /// Why the last `.invalid` token is broken.
    private(set) var failure: Failure?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next token; after the last, `.end` (again and again).
    mutating func next() -> Token {
        skipSpace()
        let start = offset
        guard start < bytes.count else { return Token(kind: .end, start: start, end: start) }
        let kind: Kind
        switch bytes[start] {
        case UInt8(ascii: "{"): kind = .beginObject
        case UInt8(ascii: "}"): kind = .endObject
        case UInt8(ascii: "["): kind = .beginArray
        case UInt8(ascii: "]"): kind = .endArray
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        case UInt8(ascii: "t"): return literal("true", .true)
        case UInt8(ascii: "f"): return literal("false", .false)
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return Token(kind: .unexpected, start: start, end: start + 1)
        }
        offset += 1
        return Token(kind: kind, start: start, end: offset)
    }

    /// Past spaces, tabs and line ends; a store's indentation eight spaces at a time.
    mutating func skipSpace() {
        let n = bytes.count
        while offset < n {
            let b = bytes[offset]
            if b == 0x20, offset + 8 <= n,
               UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                offset += 8
            } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                offset += 1
            } else {
                return
            }
        }
    }

    /// "found 'x'", "found byte 0x01" or "the file ends": what stands at `offset`, for messages.
    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return L("the file ends") }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "found '\(Character(UnicodeScalar(byte)))'" }
        return "found byte 0x\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
    }

    /// Its line and column, for a person.
    func position(of offset: Int) -> TextPosition { TextPosition(offset: offset, in: bytes) }

    // MARK: Tokens

    private mutating func broken(_ start: Int, at offset: Int, _ message: String) -> Token {
        failure = Failure(offset: offset, message: message)
        self.offset = bytes.count
        return Token(kind: .invalid, start: start, end: offset)
    }

    private mutating func literal(_ word: StaticString, _ kind: Kind) -> Token {
        let start = offset
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for letter in letters {
            guard offset < bytes.count, bytes[offset] == letter else {
                return broken(start, at: offset, "expected '\(word)', \(describe(offset))")
            }
            offset += 1
        }
        return Token(kind: kind, start: start, end: offset)
    }

    private mutating func digits() -> Int {
        let start = offset
        while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func number() -> Token {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let leadingZero = offset < bytes.count && bytes[offset] == UInt8(ascii: "0")
        let count = digits()
        guard count > 0 else { return broken(start, at: offset, L("expected digits in a number, %@", "\(describe(offset))")) }
        if leadingZero && count > 1 { return broken(start, at: offset, L("a number may not start with 0")) }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { return broken(start, at: offset, L("expected digits after the decimal point")) }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { return broken(start, at: offset, L("expected digits in the exponent")) }
        }
        return Token(kind: .number, start: start, end: offset)
    }

    /// Whether any of 8 bytes is a quote, a backslash or a control character (below 0x20).
    @inline(__always) private static func special(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote, zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs != 0
    }

    private mutating func string() -> Token {
        let start = offset
        let n = bytes.count
        var escaped = false
        offset += 1
        while offset < n {
            // Eight plain bytes at a time; the rest one by one.
            while offset + 8 <= n, !Self.special(UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)) {
                offset += 8
            }
            guard offset < n else { break }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return Token(kind: .string, start: start, end: offset, escaped: escaped)
            }
            if byte < 0x20 { return broken(start, at: offset, L("a control character inside a string (write it as an escape, e.g. \\n)")) }
            guard byte == UInt8(ascii: "\\") else { offset += 1; continue }
            escaped = true
            if let failure = escape() { return broken(start, at: failure.offset, failure.message) }
        }
        return broken(start, at: start, L("a string that is never closed"))
    }

    /// The escape at the cursor (its backslash), checked; the cursor after it.
    private mutating func escape() -> Failure? {
        let backslash = offset
        offset += 1
        guard offset < bytes.count else { return Failure(offset: backslash, message: L("a string that is never closed")) }
        switch bytes[offset] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            offset += 1
            return nil
        case UInt8(ascii: "u"):
            // Half of a character (a surrogate) must have its other half next: alone it is no
            // character, and a reader would have to put something else in its place.
            guard let unit = hexUnit() else { return Failure(offset: offset, message: L("\\u must be followed by 4 hex digits")) }
            let alone = L("\\u%@ is half of a character without its other half: write the character itself", "\(String(unit, radix: 16))")
            if (0xDC00...0xDFFF).contains(unit) {
                return Failure(offset: backslash, message: L("\\u%@ is the second half of a character without its first: ", "\(String(unit, radix: 16))")
                               + L("write the character itself"))
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    return Failure(offset: backslash, message: alone)
                }
                offset += 1
                guard let low = hexUnit() else { return Failure(offset: offset, message: L("\\u must be followed by 4 hex digits")) }
                guard (0xDC00...0xDFFF).contains(low) else { return Failure(offset: backslash, message: alone) }
            }
            return nil
        default:
            return Failure(offset: offset, message: L("unknown escape '\\%@' in a string", "\(Character(UnicodeScalar(bytes[offset])))"))
        }
    }

    /// The four hex digits after `\u` (the cursor on the `u`) as a number, the cursor after them;
    /// nil with the cursor on the first that is not one.
    private mutating func hexUnit() -> Int? {
        offset += 1
        var unit = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = Self.hexDigit(bytes[offset]) else { return nil }
            unit = unit * 16 + digit
            offset += 1
        }
        return unit
    }

    static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
