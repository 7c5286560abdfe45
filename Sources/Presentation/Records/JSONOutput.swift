
import Foundation
import Model

/// Stable JSON for scripts: the store's own shape (sorted keys, pretty-printed).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String { try PrettyJSON.encode(value) }
}
