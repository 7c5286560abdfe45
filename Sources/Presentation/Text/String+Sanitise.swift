extension String {
    /// Text made safe for a terminal: the one sanitiser every front uses for text from the
    /// record, arguments, the environment or a lock file.
    ///
    /// C0 and C1 controls (and so escape sequences) become visible placeholders (U+241B "␛" for
    /// ESC); bidirectional controls, line separators and invisible characters that could make a
    /// title read as another become U+FFFD (`needsReplacing`).
    public var clean: String {
        guard unicodeScalars.contains(where: String.needsReplacing) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F: result.append(UnicodeScalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: result.append("\u{2421}")
            case _ where String.needsReplacing(scalar): result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Decided by Unicode property, not by a list: every format character (general category Cf),
    /// line and paragraph separator (Zl, Zp), bidirectional control and default-ignorable code
    /// point is replaced, but for the few that text needs: the zero-width (non-)joiners (Persian
    /// and many scripts use them inside words; emoji sequences too) and the variation selectors
    /// (an emoji's presentation, Mongolian letter forms).
    /// Latin (but U+00AD, the soft hyphen), dashes and quotes, kana, CJK ideographs, Hangul syllables.
    static let plainBlocks: [ClosedRange<UInt32>] = [0xA1...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x3041...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0xA0 { return false }
        switch v {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F: return false
        default: break
        }
        // The blocks most text is written in, none of whose characters the rule below replaces
        // (a test holds each to it): answered without looking up properties, which was most of
        // the time a 200 MB report of Korean titles took to write.
        if plainBlocks.contains(where: { $0.contains(v) }) { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return properties.isBidiControl || properties.isDefaultIgnorableCodePoint
        }
    }
}
