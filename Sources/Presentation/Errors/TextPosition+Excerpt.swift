import Model

extension TextPosition {
    /// The line with a caret under the column, ready to print.
    public var excerpt: String {
        let text = lineText.clean
        let prefix = "  \(line) | "
        let pad = String(repeating: " ", count: prefix.count + max(column - 1, 0))
        return prefix + text + "\n" + pad + "^"
    }
}
