import Presentation
/// A one-line text field: the editing keys people expect, UTF-8 safe.
struct TextField: Equatable, Sendable {
    var label: String
    var characters: [Character]
    /// Index into `characters`.
    var cursor: Int
    var placeholder: String = ""

    init(label: String, text: String = "", placeholder: String = "") {
        self.label = label
        characters = Array(text)
        cursor = characters.count
        self.placeholder = placeholder
    }

    var text: String { String(characters) }

    enum Edit: Equatable, Sendable {
        case insert(String), backspace, delete, left, right, home, end, clearToStart, clearToEnd, deleteWord
    }

    mutating func apply(_ edit: Edit) {
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
