/// A JSON value as the store file holds it: what a record keeps of the keys this version does
/// not know (so an older knupp never thins a newer colleague's record), and what the merge of
/// two copies works on.
///
/// Numbers keep their text, so nothing is rounded or reformatted on the way through.
public indirect enum JSONValue: Hashable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Compact JSON text.
    public var text: String {
        switch self {
        case .object(let members):
            return "{" + members.keys.sorted().map { JSONValue.quote($0) + ":" + (members[$0]?.text ?? "null") }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .string(let s): return JSONValue.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// `s` as a JSON string, escaped as the store file escapes it (one escaper for the store,
    /// lock files, compact JSON and the settings file's TOML strings).
    public static func quote(_ s: String) -> String {
        var writer = StoreEncoder()
        writer.string(s)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
