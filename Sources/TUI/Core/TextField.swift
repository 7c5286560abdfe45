import Presentation
/// A one-line text field: the editing keys people expect, UTF-8 safe.
struct TextField: Equatable, Sendable {
    var label: String
    var characters: [Character]
    /// Index into `characters`.
    var cursor: Int
    var placeholder: String = ""
    /// A field that takes one of these (a choice, not typed text): ←/→ step through them, a
    /// letter picks the first that starts with it. Empty for a field of free text.
    var choices: [String] = []

    init(label: String, text: String = "", placeholder: String = "") {
        self.label = label
        characters = Array(text)
        cursor = characters.count
        self.placeholder = placeholder
    }

    /// A field of one of `choices`, `text` chosen first.
    init(label: String, choosing text: String, from choices: [String]) {
        self.init(label: label, text: text)
        self.choices = choices
    }

    var text: String { String(characters) }

    enum Edit: Equatable, Sendable {
        case insert(String), backspace, delete, left, right, home, end, clearToStart, clearToEnd, deleteWord
    }

    mutating func apply(_ edit: Edit) {
        if !choices.isEmpty { return choose(edit) }
        switch edit {
        case .insert(let text):
            // Pasted line breaks and tabs become spaces: a one-line field holds one line.
            let chars = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
            characters.insert(contentsOf: chars, at: cursor)
            cursor += chars.count
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .clearToStart:
            characters.removeFirst(cursor); cursor = 0
        case .clearToEnd:
            characters.removeLast(characters.count - cursor)
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor); cursor = start
        }
    }

    /// A choice field's keys: ←/→ (and Home/End) step through the choices, a letter picks the
    /// first that starts with it; nothing else changes it.
    private mutating func choose(_ edit: Edit) {
        let at = choices.firstIndex(of: text) ?? 0
        var next = at
        switch edit {
        case .left: next = (at + choices.count - 1) % choices.count
        case .right: next = (at + 1) % choices.count
        case .home: next = 0
        case .end: next = choices.count - 1
        case .insert(let typed):
            if let letter = typed.lowercased().last, let found = choices.firstIndex(where: { $0.lowercased().hasPrefix(String(letter)) }) { next = found }
        default: return
        }
        characters = Array(choices[next])
        cursor = characters.count
    }

    /// The visible part for a field `width` cells wide, and where the cursor is in it: as much as
    /// fits before the cursor (one cell kept for it), then after it. Only what is shown is
    /// measured, each character once: a note of 300,000 characters opens as fast as a word.
    func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = cursor, before = 0
        while start > 0 {
            let w = DisplayWidth.of(characters[start - 1])
            guard before + w <= width - 1 else { break }
            start -= 1
            before += w
        }
        var end = cursor, used = before
        while end < characters.count {
            let w = DisplayWidth.of(characters[end])
            guard used + w <= width else { break }
            end += 1
            used += w
        }
        return (String(characters[start..<end]), before)
    }
}
