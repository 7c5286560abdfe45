import Foundation

/// The officer's settings file, `$XDG_CONFIG_HOME/knupp/config.toml` (`~/.config/knupp/config.toml`):
/// flat `key = value` lines in TOML (strings in quotes, true/false, # comments). Options and
/// environment variables win over it.
public struct Settings: Equatable, Sendable {
    /// The keys knupp reads, with what each does.
    public static let keys: [(key: String, help: String)] = [
        ("store", "the store file to open (a team's shared store)"),
        ("officer", "who ticks milestones (default: the login name)"),
        ("mouse", "true or false: let knupp take the mouse in the front"),
        ("color", "true or false: colours in the front (NO_COLOR also turns them off)"),
        ("lock_wait", "seconds a save waits for another officer's save (default 5)"),
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

    /// Reads the file (none is no settings); a line it cannot read is an error naming the line.
    public static func load(path: String) throws(SettingsError) -> Settings {
        guard let data = FileManager.default.contents(atPath: path) else { return Settings(path: path) }
        var values: [String: String] = [:]
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else { throw .unreadable(path: path, line: n + 1, text: String(raw)) }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw .unreadable(path: path, line: n + 1, text: String(raw)) }
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            } else if let hash = value.firstIndex(of: "#") {
                value = value[..<hash].trimmingCharacters(in: .whitespaces)
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { throw .unreadable(path: path, line: n + 1, text: String(raw)) }
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
            + copy.values.keys.sorted().map { key in
                let v = copy.values[key] ?? ""
                let bare = ["true", "false"].contains(v) || Double(v) != nil
                return "\(key) = " + (bare ? v : "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            }.joined(separator: "\n") + "\n"
        try AtomicFile.write(Data(text.utf8), to: path)
        return copy
    }
}

/// A settings file that cannot be read: where, and the line.
public enum SettingsError: Error, Equatable, Sendable {
    case unreadable(path: String, line: Int, text: String)
}
