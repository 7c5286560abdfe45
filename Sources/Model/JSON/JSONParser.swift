/// Reads JSON text into a `JSONValue` tree: for the merge driver and lock files (the store's
/// fields are read by `StoreDecoder`; the syntax checker says where any error is). All of it
/// through the one scanner (`JSONReader`).
enum JSONParser {
    /// The document, or nil when the bytes are not JSON (`JSONSyntaxChecker` says where).
    static func document(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            guard let value = reader.value(), reader.token.kind == .end else { return nil }
            return value
        }
    }
}
