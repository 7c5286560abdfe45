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

    /// Lines of at most `width` cells, broken at spaces where possible. Each grapheme cluster is
    /// measured once: a word longer than a line (100,000 emoji with no space) is cut as it is
    /// walked, never measured again from each cut.
    public func wrapped(to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = String(word).displayWidth
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""; lineWidth = 0
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                if lineWidth + wordWidth <= width {
                    line += word
                    lineWidth += wordWidth
                    continue
                }
                // A word longer than a line is cut hard (one cluster at least on each line).
                for character in word {
                    let w = DisplayWidth.of(character)
                    if lineWidth > 0 && lineWidth + w > width {
                        lines.append(line)
                        line = ""; lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += w
                }
            }
            lines.append(line)
        }
        return lines
    }
}

extension String {
    /// The first whole characters that fit in `width` cells, with no mark of the cut (a tab's
    /// short label): a wide syllable that would not fit is left out whole.
    public func cut(to width: Int) -> String {
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result
    }
}
