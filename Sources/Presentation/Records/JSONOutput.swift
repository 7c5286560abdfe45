import Model

/// The commands' `--json` output: lists of rows in the store's own shape (sorted keys,
/// pretty-printed), written by the one JSON writer (`JSONWriter`).
///
/// What the sanitiser would replace on a terminal (DEL, the C1 controls, bidirectional controls,
/// format and invisible characters: `String.needsReplacing`) is written as a `\u` escape: the same
/// JSON for a reader, but nothing a terminal acts on or hides if the output is shown raw. Such
/// characters can only stand inside strings, so escaping them in the text is exact.
public enum JSONOutput {
    /// What is written as a `\u` escape beyond what JSON requires.
    public static let alsoEscaped: @Sendable (Unicode.Scalar) -> Bool = { $0.value >= 0x20 && String.needsReplacing($0) }

    /// `rows` as a JSON list, each written by `row` (its keys in sorted order), without a final newline.
    public static func list<T>(_ rows: [T], _ row: (inout JSONWriter, T) -> Void) -> String {
        var w = JSONWriter(alsoEscape: alsoEscaped)
        w.list(rows, row)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
