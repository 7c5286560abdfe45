import ArgumentParser
import Foundation
import Model
import Processes
import Sync
import Presentation
import Synchronization

/// The last terminating signal received, or 0. Set by the handler, read by the loop.
private let pendingSignal = Atomic<Int32>(0)

/// Runs the interactive front: read an event, map it to an action, reduce, perform effects, draw.
enum Runtime {
    /// The signals that end the front cleanly (terminal restored, exit 128 + n).
    static let terminatingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE]

    static func run(store: ProgrammeStore, context: Context, mouse: Bool, color: Bool, greeting: String? = nil) throws {
        // The handler only records the signal; the loop then finishes the save in hand (if any,
        // the only time a lock exists) and restores the terminal; knupp exits with 128 + n.
        // SIGQUIT (Ctrl-\) among them, so it never hands the terminal to the backtracer.
        var handled = sigset_t()
        sigemptyset(&handled)
        for sig in Runtime.terminatingSignals {
            signal(sig) { received in pendingSignal.store(received, ordering: .relaxed) }
            sigaddset(&handled, sig)
        }
        // A parent may have left them blocked (the mask is inherited); a blocked SIGHUP would
        // keep knupp, and its lock, alive after the terminal is gone.
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        let terminal = NcursesTerminal(color: color, mouse: mouse)
        defer { terminal.close() }
        let size = terminal.size
        var state = AppState(programme: store.programme, storePath: Context.displayPath(store.path), readOnlyReason: store.readOnlyReason,
                             revision: store.document.revision, officer: context.officer, today: context.today,
                             width: size.width, height: size.height)
        state.mouse = mouse
        if let greeting { state.message = AppState.Message(text: greeting, kind: .warning, at: Date()) }
        if !context.officerKnown && store.readOnlyReason == nil { state.form = .officer }
        var watcher = FileWatcher(path: store.path)
        var lockTried = Date()
        var dirty = true
        let worker = Worker()
        var cancellation: Cancellation?
        /// A key read while gathering a paste that was not part of it: the next one handled.
        var held: InputEvent?
        loop: while true {
            // Ctrl-C with a form half filled asks first (what was typed would be lost); any other
            // signal, or Ctrl-C again, ends the front.
            let sig = pendingSignal.load(ordering: .relaxed)
            if sig == SIGINT, state.form?.touched == true, !state.askingToQuit {
                pendingSignal.store(0, ordering: .relaxed)
                _ = state.reduce(.interrupted, now: Date())
                terminal.draw(AppView.render(state))
            } else if sig != 0 {
                break loop
            }
            // What the worker finished goes through the reducer like a key; after a sync, the
            // colleagues' changes it merged are loaded first, so that its outcome is what is said.
            var queue: [Action] = []
            for action in worker.take() {
                if case .storeRead(let reading) = action {
                    if let reloaded = adopt(reading, into: store, worker: worker) { queue.append(reloaded) }
                    dirty = true
                    continue
                }
                queue.append(action)
            }
            if !queue.isEmpty { dirty = true }
            if dirty && queue.isEmpty { terminal.draw(AppView.render(state)) }
            if queue.isEmpty { dirty = false }
            terminal.setWait(milliseconds: worker.isBusy ? 40 : 250)
            if queue.isEmpty {
                let next = held ?? terminal.readEvent()
                held = nil
                guard let event = next else {
                    dirty = idle(store: store, state: &state, watcher: &watcher, lockTried: &lockTried, context: context,
                                 worker: worker) || dirty
                    continue
                }
                guard let first = KeyMap.action(for: event, in: state) else { continue }
                dirty = true
                queue = [first]
                // A paste comes as many keys at once: the field edits already waiting are applied
                // together and the search runs once, for the text they make (not once a key, each
                // for a text already gone). Field edits change no key's meaning, so each is mapped
                // in the state the first was. The first other key is held for the next turn.
                if case .fieldEdit(let edit) = first {
                    var edits = [edit]
                    terminal.setWait(milliseconds: 0)
                    while let waiting = terminal.readEvent() {
                        guard case .fieldEdit(let more)? = KeyMap.action(for: waiting, in: state) else { held = waiting; break }
                        edits.append(more)
                    }
                    if edits.count > 1 { queue = [.fieldEdits(edits)] }
                }
            }
            while !queue.isEmpty {
                let action = queue.removeFirst()
                for effect in state.reduce(action, now: Date()) {
                    switch effect {
                    case .quit:
                        break loop
                    case .commit(let record, let origin):
                        _ = state.reduce(.saving(record.edit), now: Date())
                        terminal.draw(AppView.render(state))
                        queue.append(perform(record, origin: origin, on: store))
                        lockTried = Date()
                    case .sync(let prefer):
                        // On the worker: the front keeps drawing and taking keys; Esc stops it.
                        let cancel = Cancellation()
                        cancellation = cancel
                        let (path, officer, driver, wait) = (store.path, context.officer, SyncCommand.knuppExecutable, context.lockWait)
                        let (since, verified) = (store.loadedDigest, store.verified)
                        worker.runAll {
                            var sync = StoreSync(storePath: path, officer: officer, driver: driver, cancel: cancel)
                            sync.lockWait = wait
                            sync.prefer = prefer
                            let report = sync.run()
                            let ok: Bool
                            switch report.outcome {
                            case .synced, .keptLocally: ok = true
                            default: ok = false
                            }
                            // The colleagues' changes it merged are read here too, and loaded before its
                            // outcome is said.
                            var actions: [Action] = [.storeRead(StoreReading.read(path: path, since: since, verified: verified))]
                            // Settled fields are said one by one (the message log keeps them all), then the outcome.
                            for step in report.steps where step.contains(": kept ") { actions.append(.notice(message: step, ok: true)) }
                            actions.append(.synced(message: SyncText.outcome(report.outcome, storePath: path).replacingOccurrences(of: "\n", with: " "), ok: ok))
                            if case .conflict(let field, let ours, let theirs) = report.outcome { actions.append(.syncConflict(field: field, ours: ours, theirs: theirs)) }
                            return actions
                        }
                    case .stopWork:
                        cancellation?.cancel()
                    case .writeReport(let request):
                        // On the worker: a period's changes are read from git, and a large store's
                        // report takes a moment to write.
                        let (programme, path, today) = (store.programme, store.path, state.today)
                        worker.run { writeReport(request, programme: programme, storePath: path, today: today) }
                    case .loadHistory:
                        // A long history takes a moment to read and decode: on the worker too.
                        let (path, current) = (store.path, store.programme)
                        worker.run {
                            let history = StoreHistory.load(storePath: path, current: current)
                            return .historyLoaded(history.entries, source: HistoryText.source(history.source))
                        }
                    case .runEditor(let text):
                        terminal.suspend()
                        let result = ExternalEditor.edit(text)
                        terminal.resume()
                        queue.append(.editorFinished(result))
                    }
                }
            }
        }
        // Quitting while a sync runs: it is stopped between steps (a merge under way finishes
        // first), and knupp waits for that, so that no lock or half-done step is left behind.
        if worker.isBusy {
            cancellation?.cancel()
            _ = state.reduce(.notice(message: L("Stopping the sync before quitting…"), ok: false), now: Date())
            terminal.draw(AppView.render(state))
            let deadline = Date().addingTimeInterval(30)
            while worker.isBusy && Date() < deadline { usleep(20_000) }
        }
        let sig = pendingSignal.load(ordering: .relaxed)
        if sig != 0 {
            terminal.close()
            store.close()
            throw ExitCode(128 + sig)
        }
    }

    /// While no key comes: a lock left behind tried again, others' saves loaded, old messages
    /// expired, a new day noticed. True when the screen changed.
    private static func idle(store: ProgrammeStore, state: inout AppState, watcher: inout FileWatcher, lockTried: inout Date,
                             context: Context, worker: Worker) -> Bool {
        var changed = false
        // A lock a save could not remove locks the team out: tried again each second.
        if store.hasLeftLock, Date().timeIntervalSince(lockTried) >= 1 {
            lockTried = Date()
            if store.releaseLeftLock() == nil {
                _ = state.reduce(.notice(message: L("The lock the last save could not remove is removed now; others can save again."),
                                         ok: true), now: Date())
                changed = true
            }
        }
        // Another officer's save: read and decoded on the worker, adopted when it comes back.
        if watcher.changed() { read(store, on: worker) }
        let shown = state.message
        _ = state.reduce(.clock(Date()), now: Date())
        if state.message != shown { changed = true }
        if !context.todayIsFixed, CalendarDate.day(of: Date()) != state.today {
            _ = state.reduce(.newDay(CalendarDate.day(of: Date())), now: Date())
            changed = true
        }
        return changed
    }

    /// Saves an edit through the store's safe save; the outcome comes back as an action.
    static func perform(_ record: UndoRecord, origin: CommitOrigin, on store: ProgrammeStore) -> Action {
        do {
            let commit = try store.commit(record.edit)
            // Notes are rare (a stale lock taken over, a lock left behind): said after the save's own message.
            return .committed(programme: store.programme, revision: commit.revision, reloaded: commit.reloaded,
                              record: record, origin: origin, notes: commit.notes.map { StoreErrorText.note($0, for: .interactive) }, changed: commit.changed)
        } catch let error as EditError {
            return .commitFailed(message: L("Another officer changed the record first:") + " \(error.description) "
                                 + L("Their version is loaded; nothing of theirs was overwritten."),
                                 programme: store.programme, revision: store.document.revision)
        } catch let error as StoreError {
            return .commitFailed(message: StoreErrorText.short(error), programme: nil, revision: nil)
        } catch {
            return .commitFailed(message: L("Not saved:") + " " + ErrorText.sentence(error), programme: nil, revision: nil)
        }
    }

    /// Writes the report the form asked for, never onto the store or its files; says where.
    static func writeReport(_ request: ReportRequest, programme: Programme, storePath: String, today: CalendarDate) -> Action {
        let (format, path) = (request.format, request.path)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let target = path == "~" || path.hasPrefix("~/") ? home + path.dropFirst() : path
        if StoreFiles.belongsToStore(target, store: storePath) {
            return .reportWritten(message: L("Not written: %@ is the store or one of its files; name another file.", target), ok: false)
        }
        if !request.replace && AtomicFile.exists(target) { return .reportExists(path: path) }
        do {
            let report = ReportCommand.report(of: programme, storePath: storePath, asOf: request.asOf, from: request.from, today: today,
                                              format: format)
            try AtomicFile.writeOutput(try format.renderBytes(report, bom: format.marksByteOrder(writingTo: target)), to: target)
            let what = request.from.map { L("for %@ to %@", "\($0)", "\(request.asOf)") } ?? L("as of %@", "\(request.asOf)")
            return .reportWritten(message: L("Wrote the %@ report (%@) to %@.", format.rawValue, what, Context.displayPath(target)), ok: true)
        } catch let error as StoreError {
            return .reportWritten(message: L("Not written:") + " " + (error.reason.map { "\(Context.displayPath(target)): \($0)." } ?? StoreErrorText.fact(error)), ok: false)
        } catch {
            return .reportWritten(message: L("Not written:") + " " + ErrorText.sentence(error), ok: false)
        }
    }

    /// Reads the store file on the worker, from the bytes the store has now.
    private static func read(_ store: ProgrammeStore, on worker: Worker) {
        let (path, since, verified) = (store.path, store.loadedDigest, store.verified)
        worker.run { .storeRead(StoreReading.read(path: path, since: since, verified: verified)) }
    }

    /// Takes a read the worker made: loads it into the store unless the store moved on meanwhile
    /// (then reads again, from where it is now); what changed comes back as `.reloaded`.
    private static func adopt(_ reading: StoreReading, into store: ProgrammeStore, worker: Worker) -> Action? {
        switch reading.outcome {
        case .unchanged:
            return nil
        case .failed:
            return .commitFailed(message: L("The store changed on disk and cannot be read now; your view is kept and nothing will be saved over it until it can be."), programme: nil, revision: nil)
        case .read(let read):
            let (before, old) = (store.document.revision, store.programme)
            guard store.adopt(read, since: reading.since) else {
                Runtime.read(store, on: worker)
                return nil
            }
            guard store.programme != old || store.document.revision != before else { return nil }
            return .reloaded(programme: store.programme, revision: store.document.revision)
        }
    }
}
