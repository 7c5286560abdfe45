import Foundation
import Model

/// Stable JSON for scripts: the store's own shape (sorted keys, pretty-printed).
///
/// What the sanitiser would replace on a terminal (DEL, the C1 controls, bidirectional controls,
/// format and invisible characters: `String.needsReplacing`) is written as a `\u` escape: the same
/// JSON for a reader, but nothing a terminal acts on or hides if the output is shown raw. Such
/// characters can only stand inside strings, so escaping them in the text is exact.
public enum JSONOutput {
    /// What is written as a `\u` escape beyond what JSON requires.
    public static let alsoEscaped: @Sendable (Unicode.Scalar) -> Bool = { $0.value >= 0x20 && String.needsReplacing($0) }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let text = try PrettyJSON.encode(value)
        let escaped = alsoEscaped
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard escaped(scalar) else { out.append(scalar); continue }
            for unit in String(scalar).utf16 { out.append(contentsOf: String(format: "\\u%04x", unit).unicodeScalars) }
        }
        return String(out)
    }
}
