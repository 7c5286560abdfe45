/// The bare values of TOML: booleans, integers, floats, dates and times, each checked to the
/// letter of TOML 1.0 and given back as text (integers and floats without their underscores).
enum TOMLScalar {
    static func read(_ text: String) -> String? {
        if text == "true" || text == "false" { return text }
        let b = Array(text.utf8)
        if let number = integer(b) ?? float(b) { return number }
        if isDateTime(b[...]) { return text }
        return nil
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Digits (as `valid` says) with single underscores between them; without the underscores.
    static func digits(_ b: ArraySlice<UInt8>, _ valid: (UInt8) -> Bool) -> String? {
        guard let first = b.first, let last = b.last, valid(first), valid(last) else { return nil }
        var out = ""
        var previous: UInt8 = 0
        for c in b {
            if c == UInt8(ascii: "_") {
                guard previous != UInt8(ascii: "_") else { return nil }
            } else {
                guard valid(c) else { return nil }
                out.append(Character(Unicode.Scalar(c)))
            }
            previous = c
        }
        return out
    }

    static func integer(_ b: [UInt8]) -> String? {
        var body = b[...]
        var sign = ""
        if let s = body.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { sign = s == UInt8(ascii: "-") ? "-" : ""; body = body.dropFirst() }
        if body.count > 2, body.first == UInt8(ascii: "0"), sign.isEmpty, b.first != UInt8(ascii: "+") {
            let radix: Int?
            let valid: (UInt8) -> Bool
            switch body[body.startIndex + 1] {
            case UInt8(ascii: "x"): radix = 16; valid = { isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
            case UInt8(ascii: "o"): radix = 8; valid = { $0 >= 0x30 && $0 <= 0x37 }
            case UInt8(ascii: "b"): radix = 2; valid = { $0 == 0x30 || $0 == 0x31 }
            default: radix = nil; valid = { _ in false }
            }
            if let radix {
                guard let text = digits(body.dropFirst(2), valid), let n = Int64(text, radix: radix) else { return nil }
                return String(n)
            }
        }
        guard let text = digits(body, isDigit), text == "0" || text.first != "0", Int64(sign + text) != nil else { return nil }
        return sign + text
    }

    static func float(_ b: [UInt8]) -> String? {
        var body = b[...]
        var sign = ""
        if let s = body.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { sign = String(Character(Unicode.Scalar(s))); body = body.dropFirst() }
        if body.elementsEqual("inf".utf8) || body.elementsEqual("nan".utf8) { return sign + String(decoding: body, as: UTF8.self) }
        let exponentAt = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = body[..<(exponentAt ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        guard dot != nil || exponentAt != nil else { return nil }
        guard let whole = digits(mantissa[..<(dot ?? mantissa.endIndex)], isDigit), whole == "0" || whole.first != "0" else { return nil }
        var text = sign + whole
        if let dot {
            guard let fraction = digits(mantissa[(dot + 1)...], isDigit) else { return nil }
            text += "." + fraction
        }
        if let exponentAt {
            var exponent = body[(exponentAt + 1)...]
            var exponentSign = ""
            if let s = exponent.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { exponentSign = s == UInt8(ascii: "-") ? "-" : ""; exponent = exponent.dropFirst() }
            guard let e = digits(exponent, isDigit) else { return nil }
            text += "e" + exponentSign + e
        }
        return text
    }

    static func number(_ b: ArraySlice<UInt8>, _ at: Int, _ count: Int) -> Int? {
        guard at + count <= b.count else { return nil }
        var n = 0
        for c in b.dropFirst(at).prefix(count) { guard isDigit(c) else { return nil }; n = n * 10 + Int(c - 0x30) }
        return n
    }

    static func isLocalDate(_ b: ArraySlice<UInt8>) -> Bool {
        guard b.count == 10, let y = number(b, 0, 4), let m = number(b, 5, 2), let d = number(b, 8, 2),
              b[b.startIndex + 4] == UInt8(ascii: "-"), b[b.startIndex + 7] == UInt8(ascii: "-") else { return false }
        return CalendarDate(year: y, month: m, day: d) != nil
    }

    /// HH:MM:SS with an optional fraction.
    static func isLocalTime(_ b: ArraySlice<UInt8>) -> Bool {
        guard b.count >= 8, let h = number(b, 0, 2), let m = number(b, 3, 2), let s = number(b, 6, 2),
              b[b.startIndex + 2] == UInt8(ascii: ":"), b[b.startIndex + 5] == UInt8(ascii: ":"), h < 24, m < 60, s <= 60 else { return false }
        let rest = b.dropFirst(8)
        if rest.isEmpty { return true }
        return rest.first == UInt8(ascii: ".") && rest.count > 1 && rest.dropFirst().allSatisfy(isDigit)
    }

    /// A local date, a local time, a local date-time or an offset date-time.
    static func isDateTime(_ b: ArraySlice<UInt8>) -> Bool {
        if isLocalTime(b) { return true }
        guard b.count >= 10, isLocalDate(b.prefix(10)) else { return false }
        if b.count == 10 { return true }
        guard let t = b.dropFirst(10).first, t == UInt8(ascii: "T") || t == UInt8(ascii: "t") || t == 0x20 else { return false }
        var time = b.dropFirst(11)
        if time.last == UInt8(ascii: "Z") || time.last == UInt8(ascii: "z") {
            time = time.dropLast()
        } else if time.count > 6, let s = time.dropLast(5).last, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
            let offset = time.suffix(5)
            guard let oh = number(offset, 0, 2), let om = number(offset, 3, 2), offset[offset.startIndex + 2] == UInt8(ascii: ":"),
                  oh < 24, om < 60 else { return false }
            time = time.dropLast(6)
        }
        return isLocalTime(time)
    }
}
