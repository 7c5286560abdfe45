/// Finds the first syntax error in JSON text and where it is.
///
/// Foundation's decoder on Linux reports that data "is not valid JSON" without saying where;
/// an officer fixing a file after a bad merge needs the line and column.
struct JSONSyntaxChecker {
    struct Failure: Error, Equatable {
        var offset: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The first error, or nil when the text is well-formed JSON.
    static func check(_ bytes: [UInt8]) -> Failure? {
        var checker = JSONSyntaxChecker(bytes)
        do {
            checker.skipSpace()
            try checker.value()
            checker.skipSpace()
            if checker.index < bytes.count {
                return Failure(offset: checker.index, message: "unexpected text after the end of the JSON document")
            }
            return nil
        } catch {
            return error
        }
    }

    /// Where the value at `path` starts, for pointing at a field the decoder refused. Where the
    /// path cannot be followed (a missing key, a value of another type), the enclosing value.
    static func offset(of path: [JSONPathKey], in bytes: [UInt8]) -> Int? {
        var checker = JSONSyntaxChecker(bytes)
        return try? checker.locate(path[...])
    }

    private mutating func locate(_ path: ArraySlice<JSONPathKey>) throws(Failure) -> Int {
        skipSpace()
        let here = index
        guard let first = path.first, index < bytes.count else { return here }
        switch first {
        case .key(let wanted):
            guard bytes[index] == UInt8(ascii: "{") else { return here }
            index += 1
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return here }
                let keyStart = index + 1
                try string()
                let key = String(decoding: bytes[keyStart..<(index - 1)], as: UTF8.self)
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return here }
                index += 1
                if key == wanted { return try locate(path.dropFirst()) }
                skipSpace()
                try value()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return here }
                index += 1
            }
        case .index(let wanted):
            guard bytes[index] == UInt8(ascii: "[") else { return here }
            index += 1
            var i = 0
            while true {
                skipSpace()
                if i == wanted { return try locate(path.dropFirst()) }
                try value()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return here }
                index += 1
                i += 1
            }
        }
    }

    private mutating func skipSpace() {
        // A store's indentation, eight spaces at a time.
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            while index < n {
                let b = buffer[index]
                if b == 0x20, index + 8 <= n,
                   UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    index += 8
                } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    index += 1
                } else {
                    return
                }
            }
        }
    }

    private func fail(_ message: String) -> Failure { Failure(offset: index, message: message) }

    private func describeHere() -> String {
        guard index < bytes.count else { return "the file ends" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "found '\(Character(UnicodeScalar(byte)))'" }
        return String(format: "found byte 0x%02X", byte)
    }

    private mutating func value() throws(Failure) {
        guard index < bytes.count else { throw fail("expected a value, but the file ends") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw fail("expected a value, \(describeHere())")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw fail("expected '\(word)', \(describeHere())") }
            index += 1
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 512 { throw fail("nested more than 512 levels deep") }
    }

    private mutating func object() throws(Failure) {
        try enter()
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a quoted key, \(describeHere())")
            }
            try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the key, \(describeHere())")
            }
            index += 1
            skipSpace()
            try value()
            skipSpace()
            guard index < bytes.count else { throw fail("expected ',' or '}', but the file ends") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return }
            throw fail("expected ',' or '}', \(describeHere())")
        }
    }

    private mutating func array() throws(Failure) {
        try enter()
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        while true {
            skipSpace()
            try value()
            skipSpace()
            guard index < bytes.count else { throw fail("expected ',' or ']', but the file ends") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return }
            throw fail("expected ',' or ']', \(describeHere())")
        }
    }

    private mutating func string() throws(Failure) {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return }
            if byte < 0x20 { throw fail("a control character inside a string (write it as an escape, e.g. \\n)") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    // Half of a character (a surrogate) must have its other half next: alone it
                    // is no character, and a reader would have to put something else in its place.
                    let escape = index - 1
                    let unit = try hexUnit()
                    if (0xDC00...0xDFFF).contains(unit) {
                        index = escape
                        throw fail("\\u\(String(unit, radix: 16)) is the second half of a character without its first: "
                                   + "write the character itself")
                    }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            index = escape
                            throw fail("\\u\(String(unit, radix: 16)) is half of a character without its other half: "
                                       + "write the character itself")
                        }
                        index += 1
                        let low = try hexUnit()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            index = escape
                            throw fail("\\u\(String(unit, radix: 16)) is half of a character without its other half: "
                                       + "write the character itself")
                        }
                    }
                default:
                    throw fail("unknown escape '\\\(Character(UnicodeScalar(bytes[index])))' in a string")
                }
                continue
            }
            index += 1
        }
        index = start
        throw fail("a string that is never closed")
    }

    /// The four hex digits after `\u` (the cursor on the `u`), as a number; the cursor after them.
    private mutating func hexUnit() throws(Failure) -> Int {
        index += 1
        var unit = 0
        for _ in 0..<4 {
            guard index < bytes.count, isHex(bytes[index]) else { throw fail("\\u must be followed by 4 hex digits") }
            unit = unit * 16 + Int(hexValue(bytes[index]))
            index += 1
        }
        return unit
    }

    private func hexValue(_ byte: UInt8) -> UInt8 {
        byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }

    private func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func number() throws(Failure) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let count = digits()
        guard count > 0 else { throw fail("expected digits in a number, \(describeHere())") }
        if leadingZero && count > 1 { throw fail("a number may not start with 0") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("expected digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("expected digits in the exponent") }
        }
    }
}
