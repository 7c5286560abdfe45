import Foundation

/// The officer's settings file, `$XDG_CONFIG_HOME/knupp/config.toml` (`~/.config/knupp/config.toml`):
/// TOML, of which knupp reads the top-level keys (`key = "text"`, `key = true`, `# comments`).
/// Options and environment variables win over it.
public struct Settings: Equatable, Sendable {
    /// The keys knupp reads, with what each does.
    public static let keys: [(key: String, help: String)] = [
        ("store", "the store file to open (a team's shared store)"),
        ("officer", "who ticks milestones (default: the login name)"),
        ("mouse", "true or false: let knupp take the mouse in the front"),
        ("color", "true or false: colours in the front (NO_COLOR also turns them off)"),
        ("lock_wait", "seconds a save waits for another officer's save (default 5)"),
        ("language", "en or ko: the language of knupp's own words (default: the locale)"),
        ("glyphs", "unicode or ascii: ascii for a terminal that draws … · █ ◆ twice as wide"),
    ]

    public private(set) var values: [String: String] = [:]
    public let path: String

    public init(path: String, values: [String: String] = [:]) { self.path = path; self.values = values }

    public static func defaultPath(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/knupp/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/knupp/config.toml"
    }

    public subscript(key: String) -> String? { values[key] }

    public func bool(_ key: String) -> Bool? {
        values[key].flatMap(Settings.flag)
    }

    /// On or off, as a setting or an environment variable says it: true, yes, on, 1 / false, no,
    /// off, 0 (any case, spaces around ignored); nil for anything else.
    public static func flag(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }

    /// Reads the file (none is no settings) as TOML (`TOMLReader`): any valid TOML is read, the
    /// top-level keys kept; a file that is not valid TOML, or a setting given a list or a table,
    /// is an error naming the line.
    public static func load(path: String) throws(SettingsError) -> Settings {
        guard let data = FileManager.default.contents(atPath: path) else { return Settings(path: path) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func lineText(_ n: Int) -> String { n >= 1 && n <= lines.count ? String(lines[n - 1]) : "" }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable(path: path, line: 1, text: "", reason: "the file is not UTF-8 text")
        }
        let read: TOMLReader.Values
        do {
            read = try TOMLReader.read(text)
        } catch {
            throw .unreadable(path: path, line: error.line, text: lineText(error.line), reason: error.message)
        }
        var values: [String: String] = [:]
        for (key, value) in read {
            guard let value else {
                guard !keys.contains(where: { $0.key == key }) else {
                    let n = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) }.map { $0 + 1 } ?? 1
                    throw .unreadable(path: path, line: n, text: lineText(n), reason: "\(key) takes one value, not a list or a table")
                }
                continue
            }
            values[key] = value
        }
        return Settings(path: path, values: values)
    }

    /// The settings with `key` set (or removed, for nil), written back whole.
    public func setting(_ key: String, to value: String?) throws(StoreError) -> Settings {
        var copy = self
        copy.values[key] = value
        let folder = AtomicFile.folder(of: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = "# knupp settings: `knupp config` shows them, `knupp config KEY VALUE` sets one.\n"
            + copy.values.keys.sorted().map { key in "\(key) = " + Settings.toml(copy.values[key] ?? "", for: key) }.joined(separator: "\n") + "\n"
        try AtomicFile.write(Data(text.utf8), to: path)
        return copy
    }
}

extension Settings {
    /// The keys whose values are not text: written bare when TOML reads them as the same value.
    static let bareKeys: Set<String> = ["mouse", "color", "lock_wait"]

    /// A value as TOML: text in quotes, with `"`, `\\` and control characters escaped (a line break
    /// written raw would make the file unreadable, and every command with it); a setting that
    /// takes true/false or a number written bare when TOML reads it back the same.
    static func toml(_ value: String, for key: String) -> String {
        if bareKeys.contains(key), TOMLScalar.read(value) == value { return value }
        // TOML's basic strings take JSON's escapes; DEL, which JSON leaves as it is, TOML wants escaped.
        return JSONValue.quote(value).replacingOccurrences(of: "\u{7F}", with: "\\u007F")
    }
}

/// A settings file that cannot be read: where, and the line.
public enum SettingsError: Error, Equatable, Sendable {
    case unreadable(path: String, line: Int, text: String, reason: String)
}
