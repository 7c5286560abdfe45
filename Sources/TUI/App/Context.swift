import ArgumentParser
import Foundation
import Model
import Presentation

/// What a command runs with: where the store is, who the officer is, what day it is.
struct Context {
    let storePath: String
    let officer: String
    let today: CalendarDate
    /// True when --today fixed the day; otherwise it follows the clock (past midnight too).
    let todayIsFixed: Bool
    let now: Date
    /// True when the store is the default one, which is created from the sample on first use.
    let isDefaultStore: Bool
    /// How long a save waits for another officer's save to finish (`KNUPP_LOCK_WAIT`, seconds).
    let lockWait: Double

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
         now: Date = Date()) {
        storePath = StoreLocation.resolve(explicit: options.store, environment: environment)
        isDefaultStore = options.store == nil && (environment["KNUPP_STORE"] ?? "").isEmpty
        officer = options.officer ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        self.now = now
        today = options.today.flatMap(CalendarDate.init) ?? CalendarDate.day(of: now)
        todayIsFixed = options.today != nil
        lockWait = environment["KNUPP_LOCK_WAIT"].flatMap(Double.init).map { min(max($0, 0), 600) } ?? ProgrammeStore.defaultLockWait
    }

    /// Opens the store, first creating the default one from the bundled sample if there is none.
    func openStore(mode: ProgrammeStore.Mode) throws(StoreError) -> ProgrammeStore {
        if isDefaultStore && !FileManager.default.fileExists(atPath: storePath) {
            try ProgrammeStore.create(path: storePath, programme: try Sample.load().programme)
        }
        return try ProgrammeStore.open(path: storePath, mode: mode, officer: officer, lockWait: lockWait)
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
            try body(Context(options))
        } catch let error as StoreError {
            Output.error(StoreErrorText.message(error))
            switch error {
            case .readOnly, .changedOnDisk, .writeFailed, .exists, .locked: throw ExitCode(ExitStatus.storeNotWritable)
            default: throw ExitCode(ExitStatus.storeUnreadable)
            }
        } catch let error as EditError {
            Output.error(error.description + (error.isNotFound ? "\nList them with `knupp milestones`." : ""))
            throw ExitCode(error.isNotFound ? ExitStatus.notFound : ExitStatus.failure)
        } catch let error as NotFound {
            Output.error(error.message)
            throw ExitCode(ExitStatus.notFound)
        }
    }
}
