import Foundation

extension JSONScanner {
    // MARK: Text

    /// A string token's text, unescaped. Text without escapes, the common case, is taken as it
    /// is; with them, one pass into one buffer (time in proportion to the string, however many
    /// escapes: a string rebuilt at each escape took seconds for a note of 320,000).
    func text(of token: Token) -> String {
        let inside = UnsafeBufferPointer(rebasing: bytes[token.inside])
        guard token.escaped else { return String(decoding: inside, as: UTF8.self) }
        return String(decoding: Self.unescape(inside), as: UTF8.self)
    }

    /// Whether a string token says exactly `text` (given as UTF-8).
    func text(of token: Token, equals text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.escaped else {
            let inside = token.inside
            return inside.count == text.count && (text.isEmpty || memcmp(bytes.baseAddress! + inside.lowerBound, text.baseAddress!, text.count) == 0)
        }
        return Self.unescape(UnsafeBufferPointer(rebasing: bytes[token.inside])).elementsEqual(text)
    }

    /// The UTF-8 bytes a string's inside stands for. A half character that is not followed by
    /// its other half (which the scanner refuses) becomes U+FFFD.
    static func unescape(_ inside: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(inside.count)
        var i = 0
        let n = inside.count
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= n else { return nil }
            var code: UInt32 = 0
            for k in at..<(at + 4) {
                guard let d = hexDigit(inside[k]) else { return nil }
                code = code * 16 + UInt32(d)
            }
            return code
        }
        while i < n {
            let run = i
            while i < n, inside[i] != UInt8(ascii: "\\") { i += 1 }
            if i > run { utf8.append(contentsOf: UnsafeBufferPointer(rebasing: inside[run..<i])) }
            guard i + 1 < n else { break }
            let letter = inside[i + 1]
            i += 2
            if let control = controlEscape(letter) { utf8.append(control); continue }
            guard letter == UInt8(ascii: "u") else { utf8.append(letter); continue }
            guard var code = hex4(i) else { break }
            i += 4
            if (0xD800..<0xDC00).contains(code), i + 1 < n, inside[i] == UInt8(ascii: "\\"), inside[i + 1] == UInt8(ascii: "u"),
               let low = hex4(i + 2) {
                i += 6
                code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            UTF8.encode(UnicodeScalar(code) ?? "\u{FFFD}") { utf8.append($0) }
        }
        return utf8
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
}
