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
            throw ValidationError(L("There is no setting “%@”; the settings are %@.", key.clean, Settings.keys.map(\.key).joined(separator: ", ")))
        }
        if unset && value != nil { throw ValidationError(L("--unset takes no value.")) }
        if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(L("An empty value: to remove the setting, use %@.", "`knupp config \(key ?? "KEY") --unset`"))
        }
        if let key, let value, ["mouse", "color"].contains(key), Settings.flag(value) == nil {
            throw ValidationError(L("%@ is on or off (true/false, yes/no also do).", key))
        }
        if let key, let value, key == "language", Language(word: value) == nil {
            throw ValidationError(L("language is en (English) or ko (Korean, 한국어)."))
        }
        if let key, let value, key == "glyphs", !["unicode", "ascii"].contains(value.lowercased()) {
            throw ValidationError(L("glyphs is unicode or ascii."))
        }
        if let key, let value, key == "lock_wait", Double(value).map({ $0 >= 0 && $0 <= 600 }) != true {
            throw ValidationError(L("lock_wait is a number of seconds from 0 to 600."))
        }
    }

    func run() throws {
        try Context.run(global) { context in
            let settings = context.settings
            guard let key else {
                Output.print(AtomicFile.exists(settings.path) ? L("Settings in %@:", settings.path.clean) : L("Settings in %@ (none yet):", settings.path.clean))
                for (key, help) in Settings.keys {
                    Output.print("  \(key.padded(to: 10)) \((settings[key] ?? L("(not set)")).clean.padded(to: 36)) \(Settings.helpText(key) ?? help)")
                }
                Output.print(L("In effect now: store %@, officer %@.", context.storePath.clean, context.officer.clean))
                return
            }
            if unset {
                guard settings[key] != nil else {
                    Output.print(L("%@ was not set; nothing to remove.", key))
                    return
                }
                _ = try settings.setting(key, to: nil)
                Output.print(L("Removed %@ from %@.", key, settings.path.clean))
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
                Output.print("\(key) = \(stored.clean) (" + L("in %@", settings.path.clean) + ").")
                if key == "store" && !AtomicFile.exists(stored) {
                    Output.error(L("there is no file at %@ yet: create it with `knupp init --sample`, or correct the setting.", stored.clean))
                }
            } else {
                Output.print(settings[key]?.clean ?? L("(not set)"))
            }
        }
    }
}
