/// A `Localizable.strings` file read by knupp itself (Foundation on Linux would not pick the
/// language: `Texts`): `"key" = "value";` lines, `/* … */` and `//` comments, the escapes
/// `\"`, `\\`, `\n` and `\t`.
public enum StringsFile {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(Problem) -> [String: String] {
        var table: [String: String] = [:]
        let chars = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        func skipBlank() {
            while i < chars.count {
                let c = chars[i]
                if c == "\n" { line += 1; i += 1 }
                else if c == " " || c == "\t" || c == "\r" { i += 1 }
                else if c == "/", i + 1 < chars.count, chars[i + 1] == "/" { while i < chars.count, chars[i] != "\n" { i += 1 } }
                else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                    i += 2
                    while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { if chars[i] == "\n" { line += 1 }; i += 1 }
                    i += 2
                } else { return }
            }
        }
        func quoted() throws(Problem) -> String {
            guard i < chars.count, chars[i] == "\"" else { throw Problem(line: line, reason: "a quoted text was expected") }
            i += 1
            var s = String.UnicodeScalarView()
            while i < chars.count, chars[i] != "\"" {
                if chars[i] == "\n" { throw Problem(line: line, reason: "a text runs past the end of its line") }
                if chars[i] == "\\", i + 1 < chars.count {
                    i += 1
                    switch chars[i] {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "\"", "\\": s.append(chars[i])
                    default: throw Problem(line: line, reason: "an unknown escape \\\(chars[i])")
                    }
                } else {
                    s.append(chars[i])
                }
                i += 1
            }
            guard i < chars.count else { throw Problem(line: line, reason: "a text is not closed") }
            i += 1
            return String(s)
        }
        while true {
            skipBlank()
            if i >= chars.count { break }
            let keyLine = line
            let key = try quoted()
            skipBlank()
            guard i < chars.count, chars[i] == "=" else { throw Problem(line: line, reason: "“=” was expected after the key") }
            i += 1
            skipBlank()
            let value = try quoted()
            skipBlank()
            guard i < chars.count, chars[i] == ";" else { throw Problem(line: line, reason: "“;” was expected after the value") }
            i += 1
            if table[key] != nil { throw Problem(line: keyLine, reason: "the key “\(key)” is given twice") }
            table[key] = value
        }
        return table
    }
}
