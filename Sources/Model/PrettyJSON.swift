/// Stable, readable JSON: sorted keys, pretty-printed, "[]" for an empty list.
///
/// The store and `--json` output both use it, so scripts and `git diff` see the same shape.
public enum PrettyJSON {
    /// `value` as stable JSON text, without a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try TreeEncoder.encode(value), as: UTF8.self)
    }
}
