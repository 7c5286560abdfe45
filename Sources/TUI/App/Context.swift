import ArgumentParser
import Foundation
import Model
import Presentation

/// What a command runs with: where the store is, who the officer is, what day it is.
struct Context {
    let storePath: String
    let officer: String
    /// False when no option, setting, $USER or login name says who the officer is.
    let officerKnown: Bool
    let today: CalendarDate
    /// True when --today fixed the day; otherwise it follows the clock (past midnight too).
    let todayIsFixed: Bool
    let now: Date
    /// True when the store is the default one, which is created from the sample on first use.
    let isDefaultStore: Bool
    /// How long a save waits for another officer's save to finish (`KNUPP_LOCK_WAIT`, seconds).
    let lockWait: Double

    /// The officer's settings file (options and environment variables win over it).
    let settings: Settings
    /// The digests of store files this officer's knupp found valid (a cache; see `VerifiedStores`).
    let verified: VerifiedStores

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
         now: Date = Date()) throws {
        do {
            settings = try Settings.load(path: Settings.defaultPath(environment))
        } catch .unreadable(let path, let line, let text, let reason) {
            throw ValidationError("\(path):\(line): \(reason)" + (text.isEmpty ? "" : ": “\(text.clean)”")
                                  + ". " + L("Settings are TOML: key = \"value\" (see `knupp config`)."))
        }
        let fromSettings = settings["store"].flatMap { $0.isEmpty ? nil : $0 }
        storePath = StoreLocation.resolve(explicit: options.store ?? (environment["KNUPP_STORE"].map { $0.isEmpty } == false ? nil : fromSettings),
                                          environment: environment)
        isDefaultStore = options.store == nil && (environment["KNUPP_STORE"] ?? "").isEmpty && fromSettings == nil
        let named = options.officer ?? settings["officer"].flatMap { $0.isEmpty ? nil : $0 } ?? Context.loginName(environment)
        officerKnown = named != nil
        officer = named ?? "unknown"
        self.now = now
        today = options.today.flatMap(CalendarDate.init) ?? CalendarDate.localDay(of: now)
        todayIsFixed = options.today != nil
        // Seconds from 0 to 600: anything else (text, nan, inf, a negative number) is said, never
        // guessed at (nan once reached a conversion that traps).
        let loaded = settings
        var waitText = "", waitSource = ""
        if let text = environment["KNUPP_LOCK_WAIT"] {
            (waitText, waitSource) = (text, "KNUPP_LOCK_WAIT")
        } else if let text = loaded["lock_wait"] {
            (waitText, waitSource) = (text, "lock_wait in \(loaded.path)")
        }
        if waitText.isEmpty {
            lockWait = ProgrammeStore.defaultLockWait
        } else if let seconds = Double(waitText.trimmingCharacters(in: .whitespaces)), seconds.isFinite, (0...600).contains(seconds) {
            lockWait = seconds
        } else {
            throw ValidationError(L("%@ is “%@”: it takes a number of seconds from 0 to 600 (default 5).", waitSource, waitText.clean))
        }
        verified = VerifiedStores.standard(environment)
    }

    /// $USER, else the account's login name (a cron job or a service has no $USER); nil when
    /// neither says (a container's bare user id): then knupp asks.
    static func loginName(_ environment: [String: String]) -> String? {
        if let user = environment["USER"]?.trimmingCharacters(in: .whitespaces), !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        return nil
    }

    /// The officer, for a command that records who did something; asks for one when nobody is known.
    func recordingOfficer() throws -> String {
        // A change is recorded now: --today may set a day gone by (to see the record as then), never
        // one to come, or "never after today" would hold for no one.
        let clockDay = CalendarDate.localDay(of: now)
        if todayIsFixed, today > clockDay {
            throw ValidationError(L("--today %@ is after the clock's day (%@): what you change is recorded as of a day that has come.", "\(today)", "\(clockDay)"))
        }
        guard officerKnown else {
            throw ValidationError(L("knupp cannot tell who you are (no $USER, no login name): say it with --officer NAME, or once for all with `knupp config officer NAME`."))
        }
        return officer
    }

    /// Opens the store, first creating the default one from the bundled sample if there is none
    /// (and saying so, once: the officer may want the team's shared store instead).
    func openStore(mode: ProgrammeStore.Mode) throws(StoreError) -> ProgrammeStore {
        if isDefaultStore && !AtomicFile.exists(storePath) {
            try ProgrammeStore.create(path: storePath, programme: try Sample.load().programme)
            Output.note("knupp: " + L("created your own store at %@ from the K-NUPP sample.", Context.displayPath(storePath)) + "\n       "
                        + L("To work on your team's shared store instead: knupp config store PATH (or --store PATH)."))
        }
        return try ProgrammeStore.open(path: storePath, mode: mode, officer: officer, lockWait: lockWait, verified: verified)
    }

    /// A path as the title line shows it: the home folder as "~". Read here, not in a view,
    /// so screens depend on nothing but their state.
    static func displayPath(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? ""
        if !home.isEmpty && home != "/" && path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    /// The programme, read without taking the lock (for commands that only read).
    func programme() throws(StoreError) -> Programme {
        try openStore(mode: .readOnly).programme
    }

    /// Runs a command body with its context, turning failures into a message on stderr and
    /// the documented exit status.
    static func run(_ options: GlobalOptions, _ body: (Context) throws -> Void) throws {
        // A closed pipe is an error from write(2) (EPIPE), which Output ends on quietly.
        signal(SIGPIPE, SIG_IGN)
        do {
            try body(try Context(options))
        } catch let error as StoreError {
            Output.error(StoreErrorText.message(error))
            switch error {
            case .readOnly, .changedOnDisk, .writeFailed, .exists, .locked: throw ExitCode(ExitStatus.storeNotWritable)
            default: throw ExitCode(ExitStatus.storeUnreadable)
            }
        } catch let error as EditError {
            let list: String
            switch error {
            case .unknownRecord(let ref): list = "\n" + L("List them with %@.", "`knupp list \(ref.kind.rawValue)`")
            case .unknownMilestone: list = "\n" + L("List them with %@.", "`knupp milestones`")
            default: list = error.isNotFound ? "\n" + L("List them with %@.", "`knupp countries`") : ""
            }
            Output.error(error.description + list)
            if error.isRefusal { throw ExitCode(ExitCode.validationFailure.rawValue) }
            throw ExitCode(error.isNotFound ? ExitStatus.notFound : ExitStatus.failure)
        } catch let error as NotFound {
            Output.error(error.message)
            throw ExitCode(ExitStatus.notFound)
        } catch let error as ValidationError {
            // A value refused once the command runs (a day after today, a setting): the sentence
            // alone, not the usage of the whole program after it.
            Output.error(error.message)
            throw ExitCode(ExitCode.validationFailure.rawValue)
        }
    }
}
