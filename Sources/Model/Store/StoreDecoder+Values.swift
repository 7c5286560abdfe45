import Foundation

extension StoreDecoder {
    // MARK: Objects, lists, values

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    /// A field that must be there: reported missing (at the object) when it is not.
    mutating func required<T>(_ value: T?, _ key: String, _ objectStart: Int) -> T? {
        if value == nil, !problems.contains(where: { $0.path == path + [.key(key)] }) {
            problems.append(Problem(path: path + [.key(key)], message: "missing", offset: objectStart))
        }
        return value
    }

    /// Reads an object's members; `member` reads the value of a key it knows (returning true),
    /// the others are kept as `unknown`. False, with a problem, when the value is not an object.
    mutating func object(_ unknown: inout [String: JSONValue], _ member: (inout StoreDecoder, String) -> Bool) -> Bool {
        space()
        guard peek == UInt8(ascii: "{") else {
            report("expected an object")
            skipValue()
            return false
        }
        i += 1
        let seenFrom = seenKeys.count
        defer { seenKeys.removeLast(seenKeys.count - seenFrom) }
        space()
        if peek == UInt8(ascii: "}") { i += 1; return true }
        while i < bytes.count {
            space()
            let keyOffset = i
            let key = rawString()
            if seenKeys[seenFrom...].contains(key) {
                problems.append(Problem(path: path + [.key(key)], message: "stands twice in one object; keep one", offset: keyOffset))
            }
            seenKeys.append(key)
            space()
            i += 1 // ":"
            space()
            path.append(.key(key))
            if !member(&self, key) {
                let start = i
                var parser = JSONParser(bytes: bytes)
                parser.i = start
                if let value = parser.value() { unknown[key] = value }
                i = parser.i
            }
            path.removeLast()
            space()
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            i += 1 // "}"
            break
        }
        return true
    }

    /// A list, each element read by `element` with its index in the path; nil (with a problem)
    /// when the value is not a list.
    mutating func list<T>(_ element: (inout StoreDecoder) -> T) -> [T]? {
        space()
        guard peek == UInt8(ascii: "[") else {
            report("expected a list")
            skipValue()
            return nil
        }
        i += 1
        var result: [T] = []
        space()
        if peek == UInt8(ascii: "]") { i += 1; return result }
        var index = 0
        while i < bytes.count {
            path.append(.index(index))
            result.append(element(&self))
            path.removeLast()
            index += 1
            space()
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ",") { i += 1; space(); continue }
            i += 1 // "]"
            break
        }
        return result
    }

    /// nil for null; else `read`.
    mutating func optional<T>(_ read: (inout StoreDecoder) -> T?) -> T? {
        space()
        if peek == UInt8(ascii: "n") { i += 4; return nil }
        return read(&self)
    }

    mutating func string() -> String? {
        space()
        guard peek == UInt8(ascii: "\"") else {
            report("expected text")
            skipValue()
            return nil
        }
        return rawString()
    }

    mutating func int() -> Int? {
        space()
        let start = i
        guard let first = peek, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else {
            report("expected a number")
            skipValue()
            return nil
        }
        while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        // Int(_:) refuses what does not fit rather than wrapping: no overflow from a file.
        guard let n = Int(text) else {
            problems.append(Problem(path: path, message: "expected a whole number from \(Int.min) to \(Int.max), found \(text)", offset: start))
            return nil
        }
        return n
    }

    mutating func bool() -> Bool? {
        space()
        if peek == UInt8(ascii: "t") { i += 4; return true }
        if peek == UInt8(ascii: "f") { i += 5; return false }
        report("expected true or false")
        skipValue()
        return nil
    }

    mutating func date() -> CalendarDate? {
        let start = i
        guard let text = string() else { return nil }
        guard let date = CalendarDate(text) else {
            problems.append(Problem(path: path, message: "\"\(text)\" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)", offset: start))
            return nil
        }
        return date
    }

    mutating func enumeration<T>(_ make: (String) -> T?) -> T? {
        let start = i
        guard let text = string() else { return nil }
        guard let value = make(text) else {
            problems.append(Problem(path: path, message: "cannot be \"\(text)\"", offset: start))
            return nil
        }
        return value
    }

    /// The problem for the value at the cursor, in the words the field's reader chose.
    mutating func report(_ expected: String) {
        problems.append(Problem(path: path, message: expected + (peek == UInt8(ascii: "n") ? ", found null" : ""), offset: i))
    }

    mutating func skipValue() {
        var parser = JSONParser(bytes: bytes)
        parser.i = i
        _ = parser.value()
        i = parser.i
    }

    /// A JSON string at the cursor (the opening quote), unescaped. Text without escapes, the
    /// common case, is taken as it is.
    mutating func rawString() -> String {
        let start = i + 1
        var j = start
        while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
            if bytes[j] == UInt8(ascii: "\\") {
                var parser = JSONParser(bytes: bytes)
                parser.i = i
                let text = parser.string() ?? ""
                i = parser.i
                return text
            }
            j += 1
        }
        i = min(j + 1, bytes.count)
        return String(decoding: bytes[start..<min(j, bytes.count)], as: UTF8.self)
    }
}
