import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp config [KEY [VALUE]]`: shows or sets the officer's settings.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or set your settings (default store, officer name, mouse, colours, language).",
        discussion: """
            The settings live in $XDG_CONFIG_HOME/knupp/config.toml (~/.config/knupp/config.toml). \
            Options and environment variables win over them: --store and KNUPP_STORE over \
            `store`, --officer over `officer`, --no-mouse and KNUPP_MOUSE over `mouse`, NO_COLOR \
            over `color`, KNUPP_LOCK_WAIT over `lock_wait`, --lang and KNUPP_LANG over `language`.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The setting to show or set: store, officer, mouse, color, lock_wait, language, glyphs.")
    var key: String?

    @Argument(help: "Its new value.")
    var value: String?

    @Flag(help: "Remove the setting.")
    var unset = false

    func validate() throws {
        if let key, !Settings.keys.contains(where: { $0.key == key }) {
            throw ValidationError("There is no setting “\(key.clean)”; the settings are "
                                  + Settings.keys.map(\.key).joined(separator: ", ") + ".")
        }
        if unset && value != nil { throw ValidationError("--unset takes no value.") }
        if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("An empty value: to remove the setting, use `knupp config \(key ?? "KEY") --unset`.")
        }
        if let key, let value, ["mouse", "color"].contains(key), Settings.flag(value) == nil {
            throw ValidationError("\(key) is on or off (true/false, yes/no also do).")
        }
        if let key, let value, key == "language", Language(word: value) == nil {
            throw ValidationError("language is en (English) or ko (Korean, 한국어).")
        }
        if let key, let value, key == "glyphs", !["unicode", "ascii"].contains(value.lowercased()) {
            throw ValidationError("glyphs is unicode or ascii.")
        }
        if let key, let value, key == "lock_wait", Double(value).map({ $0 >= 0 && $0 <= 600 }) != true {
            throw ValidationError("lock_wait is a number of seconds from 0 to 600.")
        }
    }

    func run() throws {
        try Context.run(global) { context in
            let settings = context.settings
            guard let key else {
                Output.print("Settings in \(settings.path.clean)" + (AtomicFile.exists(settings.path) ? ":" : " (none yet):"))
                for (key, help) in Settings.keys {
                    Output.print("  \(key.padded(to: 10)) \((settings[key] ?? "(not set)").clean.padded(to: 36)) \(help)")
                }
                Output.print("In effect now: store \(context.storePath.clean), officer \(context.officer.clean).")
                return
            }
            if unset {
                guard settings[key] != nil else {
                    Output.print("\(key) was not set; nothing to remove.")
                    return
                }
                _ = try settings.setting(key, to: nil)
                Output.print("Removed \(key) from \(settings.path.clean).")
            } else if let value {
                var stored = key == "store" ? StoreLocation.resolve(explicit: value, environment: ProcessInfo.processInfo.environment) : value
                // "off" as the README says it; kept as the file's true or false.
                if ["mouse", "color"].contains(key), let flag = Settings.flag(value) { stored = flag ? "true" : "false" }
                if key == "language", let language = Language(word: value) { stored = language.rawValue }
                if key == "glyphs" { stored = value.lowercased() }
                if key == "store" && !stored.hasPrefix("/") {
                    // A path relative to here would mean another file from every other folder.
                    stored = FileManager.default.currentDirectoryPath + "/" + stored
                }
                _ = try settings.setting(key, to: stored)
                Output.print("\(key) = \(stored.clean) (in \(settings.path.clean)).")
                if key == "store" && !AtomicFile.exists(stored) {
                    Output.error("there is no file at \(stored.clean) yet: create it with `knupp init --sample`, or correct the setting.")
                }
            } else {
                Output.print(settings[key]?.clean ?? "(not set)")
            }
        }
    }
}
