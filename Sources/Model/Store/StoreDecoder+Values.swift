extension StoreDecoder {
    // MARK: Records, from their tables

    /// A record read by its table of fields: every known key into its place, the others kept as
    /// they are, each required key that is absent reported (at the object). A value that is not
    /// an object gives the record's blank, with the problem.
    mutating func record<R: StoreRecord>(_ type: R.Type) -> R {
        recordIfObject(type) ?? R.blank
    }

    /// The same, nil when the value is not an object.
    mutating func recordIfObject<R: StoreRecord>(_: R.Type) -> R? {
        let table = R.storeTable
        var record = R.blank
        var unknown: [String: JSONValue] = [:]
        var seen: UInt64 = 0
        var hint = 0
        let at = reader.token.start
        guard members(&unknown, { d, key in
            guard let index = table.index(of: key, in: d.reader.scanner, from: hint) else { return false }
            hint = index + 1
            d.noteSeen(index, &seen, key: key)
            table.fields[index].read(&d, &record)
            return true
        }) else { return nil }
        for (index, field) in table.fields.enumerated() where field.isRequired && seen & (1 << UInt64(index)) == 0 {
            problems.append(Problem(path: path + [.key(field.key)], message: "missing", offset: at))
        }
        // A blank record holds none already (setting none on a milestone costs a box's check).
        if !unknown.isEmpty { record.unknownFields = unknown }
        return record
    }

    // MARK: Objects, lists, values

    /// Reads an object's members; `member` reads the value of a key it knows (returning true),
    /// the others are kept as `unknown`. False, with a problem, when the value is not an object.
    mutating func members(_ unknown: inout [String: JSONValue], _ member: (inout StoreDecoder, JSONScanner.Token) -> Bool) -> Bool {
        guard reader.take(.beginObject) else {
            report(L("expected an object"))
            reader.skipValue()
            return false
        }
        if reader.take(.endObject) { return true }
        while reader.token.kind == .string {
            let key = reader.take()
            guard reader.take(.colon) else { break }
            steps.append(.key(key))
            if !member(&self, key) {
                let name = reader.text(of: key)
                if unknown[name] != nil {
                    problems.append(Problem(path: path, message: L("stands twice in one object; keep one"), offset: key.start))
                }
                let start = reader.token.start
                if let value = reader.value() {
                    unknown[name] = value
                } else {
                    stop(at: start)
                }
            }
            steps.removeLast()
            if reader.take(.comma) { continue }
            if reader.take(.endObject) { return true }
            break
        }
        stop(at: reader.token.start)
        return true
    }

    /// A list, each element read by `element` with its index in the path; nil (with a problem)
    /// when the value is not a list.
    mutating func list<T>(_ element: (inout StoreDecoder) -> T) -> [T]? {
        guard reader.take(.beginArray) else {
            report(L("expected a list"))
            reader.skipValue()
            return nil
        }
        var result: [T] = []
        if reader.take(.endArray) { return result }
        var index = 0
        while true {
            if let second, let (records, end) = second.take(T.self, at: reader.token.start) {
                result.append(contentsOf: records)
                handovers += 1
                reader = JSONReader(reader.scanner.bytes, from: end)
                if reader.take(.endArray) { return result }
            }
            steps.append(.index(index))
            result.append(element(&self))
            steps.removeLast()
            index += 1
            if reader.take(.comma) { continue }
            if reader.take(.endArray) { return result }
            stop(at: reader.token.start)
            return result
        }
    }

    /// Bytes that are not JSON where the checker had passed them: nothing more is read (every
    /// loop above ends at a token it does not expect, and the scanner gives none after this).
    mutating func stop(at offset: Int) {
        guard !stopped else { return }
        stopped = true
        problems.append(Problem(path: path, message: L("cannot be read here: ") + (reader.scanner.failure?.message ?? "not JSON"), offset: offset))
        reader.scanner.offset = reader.scanner.bytes.count
        reader.advance()
    }

    /// nil for null; else `read`.
    mutating func optional<T>(_ read: (inout StoreDecoder) -> T?) -> T? {
        if reader.take(.null) { return nil }
        return read(&self)
    }

    mutating func string() -> String? {
        guard reader.token.kind == .string else {
            report(L("expected text"))
            reader.skipValue()
            return nil
        }
        return reader.text(of: reader.take())
    }

    /// A number's token and its digits as written; nil (with the problem) when the value is no number.
    private mutating func number() -> (token: JSONScanner.Token, text: String)? {
        guard reader.token.kind == .number else {
            report(L("expected a number"))
            reader.skipValue()
            return nil
        }
        let token = reader.take()
        return (token, String(decoding: UnsafeBufferPointer(rebasing: reader.scanner.bytes[token.start..<token.end]), as: UTF8.self))
    }

    mutating func int() -> Int? {
        guard let (token, text) = number() else { return nil }
        // Int(_:) refuses what does not fit rather than wrapping: no overflow from a file.
        guard let n = Int(text) else {
            problems.append(Problem(path: path, message: L("expected a whole number from %@ to %@, found %@", "\(Int.min)", "\(Int.max)", "\(text)"), offset: token.start))
            return nil
        }
        return n
    }

    /// A decimal amount, its digits kept as the file writes them ("250000", "1250.50").
    mutating func amount() -> String? {
        guard let (token, text) = number() else { return nil }
        guard Amount.isValid(text) else {
            problems.append(Problem(path: path, message: L("expected an amount written with digits and a point (250000 or 1250.50), found %@", "\(text)"), offset: token.start))
            return nil
        }
        return text
    }

    mutating func bool() -> Bool? {
        if reader.take(.true) { return true }
        if reader.take(.false) { return false }
        report(L("expected true or false"))
        reader.skipValue()
        return nil
    }

    mutating func date() -> CalendarDate? {
        parsed(CalendarDate.init) { L("\"%@\" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)", "\($0)") }
    }

    mutating func enumeration<T>(_ make: (String) -> T?) -> T? {
        parsed(make) { L("cannot be \"%@\"", "\($0)") }
    }

    /// Text that `make` reads as a value; nil, with `refusal`'s words, when it cannot.
    private mutating func parsed<T>(_ make: (String) -> T?, refusal: (String) -> String) -> T? {
        let start = reader.token.start
        guard let text = string() else { return nil }
        guard let value = make(text) else {
            problems.append(Problem(path: path, message: refusal(text), offset: start))
            return nil
        }
        return value
    }

    /// The problem for the value at hand, in the words the field's reader chose.
    mutating func report(_ expected: String) {
        problems.append(Problem(path: path, message: expected + (reader.token.kind == .null ? L(", found null") : ""), offset: reader.token.start))
    }
}
