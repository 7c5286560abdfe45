/// The scanner's tokens with one held back to look at: the shape every reader of JSON that
/// follows its nesting uses (the syntax checker's locator, the value parser, the store's
/// decoder).
struct JSONReader {
    var scanner: JSONScanner
    /// The token at hand, not yet taken.
    private(set) var token: JSONScanner.Token

    init(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) {
        scanner = JSONScanner(bytes)
        scanner.offset = offset
        token = scanner.next()
    }

    mutating func advance() { token = scanner.next() }

    /// The token at hand, the next one then at hand.
    mutating func take() -> JSONScanner.Token {
        let taken = token
        token = scanner.next()
        return taken
    }

    /// Takes the token at hand if it is of `kind`.
    mutating func take(_ kind: JSONScanner.Kind) -> Bool {
        guard token.kind == kind else { return false }
        token = scanner.next()
        return true
    }

    func text(of token: JSONScanner.Token) -> String { scanner.text(of: token) }

    /// Passes over the value at hand, whatever it holds; false (having stopped) where the bytes
    /// are not JSON.
    @discardableResult
    mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            switch take().kind {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            case .string, .number, .true, .false, .null: break
            case .colon, .comma: guard depth > 0 else { return false }
            case .end, .unexpected, .invalid: return false
            }
        } while depth > 0
        return depth == 0
    }

    /// The value at hand as a tree, or nil where the bytes are not JSON. A key that stands twice
    /// keeps its last value (the store's decoder, which refuses that, reports it first).
    mutating func value() -> JSONValue? {
        let first = take()
        switch first.kind {
        case .beginObject:
            var members: [String: JSONValue] = [:]
            if take(.endObject) { return .object(members) }
            while true {
                let key = take()
                guard key.kind == .string, take(.colon), let v = value() else { return nil }
                members[text(of: key)] = v
                if take(.comma) { continue }
                return take(.endObject) ? .object(members) : nil
            }
        case .beginArray:
            var items: [JSONValue] = []
            if take(.endArray) { return .array(items) }
            while true {
                guard let v = value() else { return nil }
                items.append(v)
                if take(.comma) { continue }
                return take(.endArray) ? .array(items) : nil
            }
        case .string: return .string(text(of: first))
        case .number: return .number(String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[first.start..<first.end]), as: UTF8.self))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        case .endObject, .endArray, .colon, .comma, .end, .unexpected, .invalid: return nil
        }
    }
}
