extension String {
    /// Text made safe for a terminal: the one sanitiser every front uses for text from the
    /// record, arguments, the environment or a lock file.
    ///
    /// C0 and C1 controls (and so escape sequences) become visible placeholders (U+241B "␛" for
    /// ESC); bidirectional overrides and isolates, and invisible characters that could make a
    /// title read as another, become U+FFFD. Zero-width (non-)joiners stay: Persian and many
    /// scripts need them inside words.
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

    private static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
