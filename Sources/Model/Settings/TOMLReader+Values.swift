extension TOMLReader {
    /// A key: bare (`officer`), quoted (`"a b"`, `'a'`) or dotted (`a.b`).
    mutating func key() throws(Failure) -> [String] {
        var path: [String] = []
        while true {
            whitespace()
            switch peek {
            case UInt8(ascii: "\""):
                guard peek(1) != UInt8(ascii: "\"") || peek(2) != UInt8(ascii: "\"") else { throw fail(L("a key cannot be a multi-line string")) }
                path.append(try basicString())
            case UInt8(ascii: "'"):
                guard peek(1) != UInt8(ascii: "'") || peek(2) != UInt8(ascii: "'") else { throw fail(L("a key cannot be a multi-line string")) }
                path.append(try literalString())
            default:
                let start = i
                while let b = peek, isBare(b) { i += 1 }
                guard i > start else { throw fail(L("expected a key")) }
                path.append(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            whitespace()
            guard peek == UInt8(ascii: ".") else { return path }
            i += 1
        }
    }

    func isBare(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// A value; its text for a string, number, boolean or date, nil for an array or inline table.
    mutating func value(inline: Bool) throws(Failure) -> String? {
        switch peek {
        case UInt8(ascii: "\""):
            return peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"") ? try multiLineBasic() : try basicString()
        case UInt8(ascii: "'"):
            return peek(1) == UInt8(ascii: "'") && peek(2) == UInt8(ascii: "'") ? try multiLineLiteral() : try literalString()
        case UInt8(ascii: "["):
            try array()
            return nil
        case UInt8(ascii: "{"):
            try inlineTable()
            return nil
        case nil:
            throw fail(L("expected a value"))
        default:
            let start = i
            while let b = peek, !(b == 0x20 || b == 0x09 || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "#")
                                  || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")) { i += 1 }
            // A date and a time may be written with a space between them.
            if peek == 0x20, i - start == 10, let next = peek(1), next >= 0x30 && next <= 0x39,
               TOMLScalar.isLocalDate(bytes[start..<i]) {
                i += 1
                while let b = peek, !(b == 0x20 || b == 0x09 || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "#")
                                      || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")) { i += 1 }
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            guard let value = TOMLScalar.read(text) else { throw fail(L("“%@” is not a TOML value (text needs quotes)", "\(text)")) }
            return value
        }
    }

    mutating func array() throws(Failure) {
        i += 1
        try blank()
        while peek != UInt8(ascii: "]") {
            _ = try value(inline: true)
            try blank()
            if peek == UInt8(ascii: ",") {
                i += 1
                try blank()
                continue
            }
            guard peek == UInt8(ascii: "]") else { throw fail(L("expected , or ] in an array")) }
        }
        i += 1
    }

    mutating func inlineTable() throws(Failure) {
        i += 1
        whitespace()
        var keys: Set<String> = []
        if peek == UInt8(ascii: "}") { i += 1; return }
        while true {
            let path = try key()
            let joined = path.joined(separator: "\u{0}")
            for k in 1..<path.count where keys.contains(path[0..<k].joined(separator: "\u{0}") + "\u{1}") {
                throw fail(L("“%@” is a value, not a table", path[0..<k].joined(separator: ".")))
            }
            guard keys.insert(joined).inserted, !keys.contains(joined + "\u{1}") else { throw fail(L("a key is defined twice in an inline table")) }
            keys.insert(joined + "\u{1}")
            for k in 1..<max(path.count, 1) { keys.insert(path[0..<k].joined(separator: "\u{0}")) }
            whitespace()
            guard peek == UInt8(ascii: "=") else { throw fail(L("expected = in an inline table")) }
            i += 1
            whitespace()
            _ = try value(inline: true)
            whitespace()
            if peek == UInt8(ascii: ",") { i += 1; whitespace(); continue }
            guard peek == UInt8(ascii: "}") else { throw fail(L("expected , or } in an inline table (on one line)")) }
            i += 1
            return
        }
    }

    /// A control character other than a tab is not allowed in any string.
    func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    mutating func basicString() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        while let b = peek {
            if b == UInt8(ascii: "\"") { i += 1; return try text(out) }
            if b == UInt8(ascii: "\\") { try escape(into: &out); continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { throw fail(L("a string that is never closed")) }
            if isControl(b) { throw fail(L("a control character in a string (write it as an escape)")) }
            out.append(b)
            i += 1
        }
        throw fail(L("a string that is never closed"))
    }

    mutating func literalString() throws(Failure) -> String {
        i += 1
        let start = i
        while let b = peek, b != UInt8(ascii: "'") {
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { throw fail(L("a string that is never closed")) }
            if isControl(b) { throw fail(L("a control character in a string")) }
            i += 1
        }
        guard peek == UInt8(ascii: "'") else { throw fail(L("a string that is never closed")) }
        i += 1
        return try text(Array(bytes[start..<(i - 1)]))
    }

    mutating func multiLineBasic() throws(Failure) -> String { try multiLine(quote: UInt8(ascii: "\"")) }

    mutating func multiLineLiteral() throws(Failure) -> String { try multiLine(quote: UInt8(ascii: "'")) }

    /// `"""…"""` (escapes, and a backslash at a line's end joins the next text) or `'''…'''`
    /// (as written); a line break right after the opening quotes is not part of it.
    mutating func multiLine(quote: UInt8) throws(Failure) -> String {
        let basic = quote == UInt8(ascii: "\"")
        i += 3
        if peek == UInt8(ascii: "\n") { i += 1; line += 1 } else if peek == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { i += 2; line += 1 }
        var out: [UInt8] = []
        while let b = peek {
            if b == quote, peek(1) == quote, peek(2) == quote {
                // Up to two more quotes may end the content.
                var extra = 0
                while extra < 2, peek(3 + extra) == quote { extra += 1 }
                out += Array(repeating: quote, count: extra)
                i += 3 + extra
                return try text(out)
            }
            if basic && b == UInt8(ascii: "\\") {
                // A backslash at the end of a line joins the next non-blank text.
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "\n") || (bytes[j] == UInt8(ascii: "\r") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "\n")) {
                    i = j
                    while let c = peek, c == 0x20 || c == 0x09 || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                        if c == UInt8(ascii: "\n") { line += 1 }
                        i += 1
                    }
                    continue
                }
                try escape(into: &out)
                continue
            }
            if b == UInt8(ascii: "\n") { line += 1 } else if b == UInt8(ascii: "\r") {
                guard peek(1) == UInt8(ascii: "\n") else { throw fail(L("a carriage return not followed by a line break")) }
            } else if isControl(b) { throw fail(L("a control character in a string") + (basic ? L(" (write it as an escape)") : "")) }
            out.append(b)
            i += 1
        }
        throw fail(L("a multi-line string that is never closed"))
    }

    mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard let e = peek(1) else { throw fail(L("a string that is never closed")) }
        i += 2
        if let control = JSONScanner.controlEscape(e) {
            out.append(control)
            return
        }
        switch e {
        case UInt8(ascii: "e"): throw fail(L("\\e is not an escape in TOML 1.0"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            guard i + count <= bytes.count,
                  bytes[i..<(i + count)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
                  let code = UInt32(String(decoding: bytes[i..<(i + count)], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code) else { throw fail(L("\\%@ must name a character in hex", "\(Character(Unicode.Scalar(e)))")) }
            i += count
            UTF8.encode(scalar) { out.append($0) }
        default: throw fail(L("unknown escape in a string"))
        }
    }

    func text(_ utf8: [UInt8]) throws(Failure) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw fail(L("text that is not UTF-8")) }
        return text
    }
}
