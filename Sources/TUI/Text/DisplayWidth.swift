/// Terminal display width of text, computed in Swift rather than by the locale, so columns
/// line up the same way on every machine (wide CJK and emoji take two cells, marks none).
enum DisplayWidth {
    /// Cells a single scalar takes: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 } // drawn as a placeholder
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) || (0x1160...0x11FF).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cells a grapheme cluster takes.
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        for scalar in scalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }
}

extension String {
    /// Cells this text takes in a terminal.
    var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1) } }

    /// At most `width` cells, ending in "…" when cut.
    func truncated(to width: Int) -> String {
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
    func padded(to width: Int, alignRight: Bool = false) -> String {
        let cut = truncated(to: width)
        let pad = String(repeating: " ", count: max(0, width - cut.displayWidth))
        return alignRight ? pad + cut : cut + pad
    }

    /// Lines of at most `width` cells, broken at spaces where possible.
    func wrapped(to width: Int) -> [String] {
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
