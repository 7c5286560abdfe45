import Synchronization

/// The glyphs the front draws. Some terminals set up for Korean, Chinese or Japanese draw the East
/// Asian "ambiguous" glyphs (… · — █ ◆ › and the box lines) two cells wide, which pushes every
/// column after one out of place; `glyphs = ascii` draws a one-cell ASCII stand-in for each.
public enum Glyphs {
    /// Whether the stand-ins are drawn (the `glyphs` setting, chosen at the start).
    public static var ascii: Bool { override ?? chosen.withLock { $0 } }
    public static func choose(ascii: Bool) { chosen.withLock { $0 = ascii } }
    /// For this task only (the tests, which run side by side).
    @TaskLocal public static var override: Bool?
    private static let chosen = Mutex(false)

    /// Each ambiguous glyph knupp draws, and its stand-in: one cell for one cell, so the layout
    /// is the same. "≥" stays: no one ASCII character says it, and it stands only in prose.
    public static let standIns: [Character: Character] = [
        "…": "~", "·": ".", "•": "*", "—": "-", "–": "-", "−": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
        "‹": "<", "›": ">", "←": "<", "→": ">", "↑": "^", "↓": "v", "×": "x",
        "█": "#", "░": ".", "▒": ":", "▬": "=", "●": "*", "○": "o", "◆": "*", "◇": "o", "▲": "^", "▼": "v",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "╵": "|", "┆": ":", "┄": "-",
    ]

    /// `c`, or its stand-in when ASCII is chosen.
    @inline(__always) public static func drawn(_ c: Character, ascii: Bool) -> Character {
        ascii && !c.isASCII ? (standIns[c] ?? c) : c
    }
}
