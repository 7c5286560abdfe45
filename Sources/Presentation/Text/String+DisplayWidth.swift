import Model
extension String {
    /// Cells this text takes in a terminal.
    public var displayWidth: Int {
        // Printable ASCII, most of the record: one cell a byte, no grapheme walk.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        // Text made only of scalars that never join another into one grapheme (ASCII, Latin-1 and
        // the other letters below U+0300, Hangul syllables, CJK ideographs) is measured scalar by
        // scalar, which is what the grapheme walk would find, at a fraction of its cost.
        var width = 0
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F, 0xA0..<0x300: width += 1
            case 0xAC00...0xD7A3, 0x4E00...0x9FFF: width += 2
            default: return reduce(0) { $0 + DisplayWidth.of($1) }
            }
        }
        return width
    }

    /// At most `width` cells, ending in "…" when cut.
    public func truncated(to width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth > width else { return self }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Padded with spaces (or cut) to exactly `width` cells.
    public func padded(to width: Int, alignRight: Bool = false) -> String {
        let cut = truncated(to: width)
        let pad = String(repeating: " ", count: max(0, width - cut.displayWidth))
        return alignRight ? pad + cut : cut + pad
    }

    /// Lines of at most `width` cells, broken at spaces where possible.
    public func wrapped(to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                var word = word
                let wordWidth = word.displayWidth
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""; lineWidth = 0
                }
                while word.displayWidth > width {
                    // A word longer than a line is cut hard.
                    var head = ""
                    var used = 0
                    var rest = Substring(word)
                    while let c = rest.first, used + DisplayWidth.of(c) <= width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                        head.append(c); used += DisplayWidth.of(c); rest = rest.dropFirst()
                    }
                    if head.isEmpty && lineWidth == 0, let c = rest.first { head.append(c); rest = rest.dropFirst() }
                    line += (lineWidth > 0 ? " " : "") + head
                    lines.append(line)
                    line = ""; lineWidth = 0
                    word = String(rest)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += word.displayWidth
            }
            lines.append(line)
        }
        return lines
    }
}
