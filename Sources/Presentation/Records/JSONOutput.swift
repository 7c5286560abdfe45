import Foundation
import Model

/// Stable JSON for scripts: the store's own shape (sorted keys, pretty-printed).
///
/// DEL and the C1 controls are escaped (`\u007f`, `\u0085`): still the same JSON for a reader,
/// but nothing a terminal would act on if the output is shown raw. They can only stand inside
/// strings, so escaping them in the text is exact.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let text = try PrettyJSON.encode(value)
        guard text.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
