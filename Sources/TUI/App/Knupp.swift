import Presentation
import ArgumentParser
import Foundation
import Model

/// The `knupp` program: the interactive front by default, and commands for scripts and reports.
@main
struct Knupp: ParsableCommand {
    static let version = "0.1.0"

    /// The options that may stand before the command (moved after it by `GlobalArguments`):
    /// named here too, so that help lists them and shell completion offers files for --store there.
    @OptionGroup var global: GlobalOptions

    /// Global options may come before the command (`knupp --store X countries`).
    static func main() {
        // A reader that stops reading (`knupp --help | head`) makes write(2) fail with EPIPE,
        // which Output ends on quietly, rather than killing knupp with SIGPIPE (status 141). The
        // front installs its own handler; programs knupp starts get the default back.
        signal(SIGPIPE, SIG_IGN)
        // The language first: every word knupp writes, errors too, is in it.
        let (words, flag) = GlobalArguments.language(Array(CommandLine.arguments.dropFirst()))
        let environment = ProcessInfo.processInfo.environment
        if let flag, Language(word: flag) == nil {
            Output.error("--lang is en (English) or ko (Korean), not “\(flag.clean)”.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        let setting = (try? Settings.load(path: Settings.defaultPath(environment)))?["language"]
        // A language knupp does not know is said, not passed over in silence (English it is).
        for (name, value) in [("KNUPP_LANG", environment["KNUPP_LANG"]), ("the language setting", setting)] {
            if let value, !value.isEmpty, Language(word: value) == nil {
                Output.note("knupp: \(name) is “\(value.clean)”: knupp speaks en (English) or ko (Korean); it passes over it.")
            }
        }
        Texts.choose(Language.choose(flag: flag, environment: environment, setting: setting))
        let commands = Set(configuration.subcommands.map { $0._commandName })
        let nested = Dictionary(configuration.subcommands.map { ($0._commandName, Set($0.configuration.subcommands.map { $0._commandName })) },
                                uniquingKeysWith: { a, _ in a })
        let arguments = GlobalArguments.negativeValuesLast(GlobalArguments.reorder(words, commands: commands, nested: nested))
        // A word where a command goes that is close to one: say which was meant.
        if let word = arguments.first, !word.hasPrefix("-"), !commands.contains(word), word != "help",
           let near = commands.map({ ($0, Programme.distance(word.lowercased(), $0)) }).filter({ $0.1 <= 2 }).min(by: { $0.1 < $1.1 }) {
            Output.error(L("there is no command “%@”. Did you mean %@? (`knupp --help` lists them.)", word, "`knupp \(near.0)`"))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        // Help goes through the same checked writer as every other output (a full disk or a
        // closed pipe is an error, not silence).
        if arguments.contains("--help") || arguments.contains("-h"), !arguments.contains("--") {
            // The innermost command named: `knupp sdg11a1 assess --help` is assess's help.
            var command: ParsableCommand.Type?
            var choices = configuration.subcommands
            for word in arguments {
                guard let next = choices.first(where: { $0._commandName == word }) else { break }
                command = next
                choices = next.configuration.subcommands
            }
            Output.print(command.map { Knupp.helpMessage(for: $0) } ?? Knupp.helpMessage())
            Foundation.exit(0)
        }
        run(arguments)
    }

    /// ArgumentParser's parse and run, with everything it would print (usage errors, help, the
    /// completion script) written through Output: the checked writer, and the sanitiser for what
    /// goes to stderr, since a usage error quotes the officer's own (possibly hostile) words.
    static func run(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // An error of knupp's own that no command turned into words: a sentence, not a Swift value.
            if code == .failure, !(error is ExitCode) {
                Output.error(ErrorText.sentence(error))
                Foundation.exit(ExitStatus.failure)
            }
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.print(message) }
            } else if !message.isEmpty {
                Output.note(message)
            }
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "knupp",
        abstract: "Track the Korea National Urban Policy Programme (K-NUPP): countries, phases, milestones.",
        discussion: """
            With no command, knupp opens the interactive front over the store.

            The store is one JSON file: --store PATH, else $KNUPP_STORE, else the `store` \
            setting (knupp config), else $XDG_DATA_HOME/knupp/programme.json \
            (~/.local/share/knupp/programme.json), created from the bundled K-NUPP sample on \
            first use. Options may stand before the command or after it.

            ENVIRONMENT
              KNUPP_STORE           the store file
              USER                  the officer, when neither --officer nor a setting says
              KNUPP_LOCK_WAIT       seconds a save waits for another's (default 5)
              KNUPP_VERIFIED_CACHE  off (or 0, no, false): check the whole store every
                                    time, never trusting the digests of files found valid
                                    before, kept in $XDG_CACHE_HOME/knupp (~/.cache/knupp)
              KNUPP_LANG            en or ko: the language of knupp's own words (--lang
                                    wins over it; without either, the `language`
                                    setting, then LC_ALL, LC_MESSAGES or LANG: ko_*
                                    is Korean)
              KNUPP_GLYPHS=ascii    the front draws ASCII for … · █ ◆ and the box lines
                                    (for a terminal that draws them two cells wide)
              KNUPP_MOUSE=0         the front leaves the mouse to the terminal
              NO_COLOR              the front draws no colours
              XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME   where the store, the
                                    settings and that cache live

            EXIT STATUS
              0   success
              1   an unexpected failure
              3   not found: no such country or milestone
              4   the store cannot be read (missing, damaged, invalid); never modified
              5   the store cannot be written (read-only, or its lock held too long)
              6   sync stopped at a conflict: both sides changed one field differently
              64  usage error: a bad option or argument
            """,
        version: Knupp.version,
        subcommands: [
            OpenCommand.self, CountriesCommand.self, ShowCommand.self, MilestonesCommand.self,
            TickCommand.self, UntickCommand.self, NoteCommand.self, DueCommand.self, PhaseCommand.self,
            SetCommand.self, AddCommand.self, RemoveCommand.self, ListCommand.self, IndicatorsCommand.self, IndicatorCommand.self, SDGCommand.self, TemplateCommand.self, IATICommand.self,
            SlippageCommand.self, ReportCommand.self, ValidateCommand.self, InitCommand.self,
            SyncCommand.self, LogCommand.self, ConfigCommand.self, UnlockCommand.self, MergeDriverCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
