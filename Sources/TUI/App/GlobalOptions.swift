import ArgumentParser
import Foundation
import Model
import Presentation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $KNUPP_STORE, else the `store` setting, else ~/.local/share/knupp/programme.json).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who you are, recorded with what you change (default: the officer setting, else $USER).", valueName: "name"))
    var officer: String?

    @Option(name: .long, help: ArgumentHelp("Take this day as today, YYYY-MM-DD (for reproducible reports).", valueName: "day"))
    var today: String?

    /// Taken out before parsing (`GlobalArguments.language`), wherever it stands: named here so
    /// that help lists it and completion offers its values.
    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of knupp's words: en or ko (default: $KNUPP_LANG, the `language` setting, the locale).", valueName: "language"),
            completion: .list(["en", "ko"]))
    var lang: String?

    func validate() throws {
        if let store, store.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(L("--store needs a path; it was empty (did a variable in the command line expand to nothing?)."))
        }
        if let today, CalendarDate(today)?.precision != .day {
            throw ValidationError(L("--today takes a day as YYYY-MM-DD, e.g. 2026-11-28; “%@” is not one.", today.clean))
        }
        if let officer, officer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(L("--officer needs a name."))
        }
    }
}
