/// Finds the first syntax error in JSON text and where it is: JSON's grammar over the one
/// scanner's tokens (the scanner checks each token; this, how they nest and follow each other).
///
/// Foundation's decoder on Linux reports that data "is not valid JSON" without saying where;
/// an officer fixing a file after a bad merge needs the line and column.
struct JSONSyntaxChecker {
    typealias Failure = JSONScanner.Failure
    private typealias Token = JSONScanner.Token

    private var scanner: JSONScanner
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { scanner = JSONScanner(bytes) }

    /// The first error, or nil when the text is well-formed JSON.
    static func check(_ bytes: [UInt8]) -> Failure? {
        bytes.withUnsafeBufferPointer { buffer in
            var checker = JSONSyntaxChecker(buffer)
            do throws(Failure) {
                try checker.value(checker.scanner.next())
                let after = checker.scanner.next()
                guard after.kind == .end else {
                    return Failure(offset: after.start, message: L("unexpected text after the end of the JSON document"))
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// Where the value at `path` starts, for pointing at a field the decoder refused. Where the
    /// path cannot be followed (a missing key, a value of another type), the enclosing value.
    static func offset(of path: [JSONPathKey], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return locate(path[...], &reader)
        }
    }

    private static func locate(_ path: ArraySlice<JSONPathKey>, _ reader: inout JSONReader) -> Int {
        let here = reader.token.start
        guard let first = path.first else { return here }
        switch first {
        case .key(let wanted):
            guard reader.take(.beginObject) else { return here }
            while reader.token.kind == .string {
                let key = reader.text(of: reader.take())
                guard reader.take(.colon) else { return here }
                if key == wanted { return locate(path.dropFirst(), &reader) }
                guard reader.skipValue(), reader.take(.comma) else { return here }
            }
            return here
        case .index(let wanted):
            guard reader.take(.beginArray) else { return here }
            var i = 0
            while true {
                if i == wanted { return locate(path.dropFirst(), &reader) }
                guard reader.skipValue(), reader.take(.comma) else { return here }
                i += 1
            }
        }
    }

    // MARK: The grammar

    private func fail(_ token: Token, _ expected: String) -> Failure {
        if token.kind == .end { return Failure(offset: token.start, message: L("%@, but the file ends", "\(expected)")) }
        return Failure(offset: token.start, message: "\(expected), \(scanner.describe(token.start))")
    }

    /// The scanner's own word on a token it found broken.
    private func broken() -> Failure { scanner.failure ?? Failure(offset: scanner.offset, message: L("cannot be read")) }

    private mutating func value(_ token: Token) throws(Failure) {
        switch token.kind {
        case .beginObject: try object()
        case .beginArray: try array()
        case .string, .number, .true, .false, .null: return
        case .invalid: throw broken()
        case .endObject, .endArray, .colon, .comma, .end, .unexpected: throw fail(token, L("expected a value"))
        }
    }

    private mutating func enter(_ token: Token) throws(Failure) {
        depth += 1
        if depth > 512 { throw Failure(offset: token.start, message: L("nested more than 512 levels deep")) }
    }

    private mutating func object() throws(Failure) {
        try enter(Token(kind: .beginObject, start: scanner.offset - 1, end: scanner.offset))
        var token = scanner.next()
        if token.kind == .endObject { depth -= 1; return }
        while true {
            guard token.kind == .string else {
                // A broken string is the scanner's to describe; anything else stands where a key should.
                if token.kind == .invalid, scanner.bytes[token.start] == UInt8(ascii: "\"") { throw broken() }
                throw fail(token, L("expected a quoted key"))
            }
            let colon = scanner.next()
            guard colon.kind == .colon else { throw fail(colon, L("expected ':' after the key")) }
            try value(scanner.next())
            let after = scanner.next()
            switch after.kind {
            case .comma: token = scanner.next()
            case .endObject: depth -= 1; return
            default: throw fail(after, "expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(Failure) {
        try enter(Token(kind: .beginArray, start: scanner.offset - 1, end: scanner.offset))
        var token = scanner.next()
        if token.kind == .endArray { depth -= 1; return }
        while true {
            try value(token)
            let after = scanner.next()
            switch after.kind {
            case .comma: token = scanner.next()
            case .endArray: depth -= 1; return
            default: throw fail(after, "expected ',' or ']'")
            }
        }
    }
}
