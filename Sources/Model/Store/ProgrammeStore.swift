import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The programme's JSON file, shared by many officers, saved without ever losing anyone's work.
///
/// The protocol (docs/ARCHITECTURE.md): open reads the file and takes no lock. Every save takes the lock
/// beside the file for its few milliseconds, re-reads the file, and if anyone changed it since
/// it was loaded, applies the edit to their version instead (or refuses, saying why); then
/// writes a temporary file, fsyncs it, renames it over the store, fsyncs the folder, and
/// releases the lock. A file that failed to load is never written.
public final class ProgrammeStore {
    public enum Mode: Sendable { case readWrite, readOnly }

    /// What a commit did.
    public struct Commit: Equatable, Sendable {
        /// The revision now on disk.
        public var revision: Int
        /// True when someone else had saved first and the edit was applied to their version.
        public var reloaded: Bool
        /// What the save had to do on the way (a stale lock taken over, a lock left behind).
        public var notes: [StoreNote]
        /// False when the record already was as the edit would make it (both ticked the same
        /// milestone): then nothing was written and the revision did not move.
        public var changed: Bool

        public init(revision: Int, reloaded: Bool, notes: [StoreNote] = [], changed: Bool = true) {
            self.revision = revision; self.reloaded = reloaded; self.notes = notes; self.changed = changed
        }
    }

    /// How long a save waits for another writer's lock, in seconds (`KNUPP_LOCK_WAIT` sets it).
    public static let defaultLockWait: Double = 5

    public let path: String
    public private(set) var document: StoreDocument
    /// Why this store may not be written, or nil when it may.
    public private(set) var readOnlyReason: String?
    /// Who saves: written in the lock while a save is in progress.
    public let officer: String
    public var lockWait: Double
    /// Where the digests of files found valid are noted, so that a later edit in place may trust them.
    public let verified: VerifiedStores
    /// A lock a save could not remove (its note said so), tried again by `releaseLeftLock`.
    private var leftLock: StoreLock?
    /// The digest of the bytes as loaded (or last saved): what the file on disk must still hold
    /// for a save to go straight through. A digest, not the bytes: at 900,000 milestones a copy of
    /// the file held for comparing was a sixth of the front's memory, and the digest comes free
    /// with the read (`VerifiedStores.decode` takes it).
    private var baseline: StoreDigest

    public var programme: Programme { document.programme }
    public var isReadOnly: Bool { readOnlyReason != nil }
    public var lockPath: String { ProgrammeStore.lockPath(for: path) }

    /// The lock file of the store at `path` (beside the real file, symlinks followed).
    public static func lockPath(for path: String) -> String { AtomicFile.resolve(path) + ".lock" }

    private init(path: String, document: StoreDocument, baseline: StoreDigest, officer: String, lockWait: Double, verified: VerifiedStores) {
        self.path = path; self.document = document; self.baseline = baseline; self.officer = officer; self.lockWait = lockWait
        self.verified = verified
    }

    /// Opens the store at `path`: reads it, takes no lock. It is read-only when asked, when the
    /// file or its folder may not be written, or when a newer knupp wrote it.
    public static func open(path: String, mode: Mode = .readWrite, officer: String,
                            lockWait: Double = ProgrammeStore.defaultLockWait, verified: VerifiedStores = .none) throws(StoreError) -> ProgrammeStore {
        let (data, _, digest) = try AtomicFile.readDigested(path)
        let document = try verified.decode(data, digest: digest, path: path)
        let store = ProgrammeStore(path: path, document: document, baseline: digest, officer: officer, lockWait: lockWait, verified: verified)
        store.readOnlyReason = writability(of: document, path: path, mode: mode)
        return store
    }

    private static func writability(of document: StoreDocument, path: String, mode: Mode) -> String? {
        if document.schemaVersion > StoreDocument.currentSchemaVersion {
            return L("it was written by a newer knupp (schema %@; ", "\(document.schemaVersion)")
                + L("this one knows %@); update knupp to change it", "\(StoreDocument.currentSchemaVersion)")
        }
        if mode == .readOnly { return L("opened for reading only") }
        return permission(path)
    }

    /// Why this officer may not replace the file at `path` (nor write beside it), or nil.
    static func permission(_ path: String) -> String? {
        let real = AtomicFile.resolve(path)
        if access(real, W_OK) != 0 { return L("you may not write the file") }
        let folder = AtomicFile.folder(of: real)
        if access(folder, W_OK) != 0 { return L("you may not write in its folder %@ (a save writes a new file there)", "\(folder)") }
        return nil
    }

    /// Reads a store file's bytes without locking it.
    public static func read(_ path: String) throws(StoreError) -> Data {
        try AtomicFile.read(path)
    }

    /// Applies `edit` and saves it as the next revision, inside the lock. If someone else saved
    /// since this store was loaded, their version is loaded and the edit applied to it; if it no
    /// longer applies, its `EditError` is thrown and their version stays loaded. Nothing anyone
    /// saved is overwritten.
    @discardableResult
    public func commit(_ edit: Edit) throws -> Commit {
        try locked(oneMilestone: edit.changesOneMilestone ? edit.recordID : nil) { onDisk throws -> Programme in
            if let onDisk { try catchUp(onDisk) }
            return try programme.applying(edit)
        }
    }

    /// Saves `programme` whole as the next revision, unless the file changed on disk since it
    /// was loaded (then `.changedOnDisk`, and nothing is written: a whole programme cannot be
    /// re-applied on someone else's version; an `Edit` can, through `commit`).
    @discardableResult
    public func save(_ programme: Programme) throws(StoreError) -> Int {
        do {
            return try locked { [baseline, path] onDisk throws -> Programme in
                guard onDisk.map({ StoreDigest(of: $0) == baseline }) ?? true else { throw StoreError.changedOnDisk(path: path) }
                return programme
            }.revision
        } catch let error as StoreError {
            throw error
        } catch {
            throw .writeFailed(path: path, reason: L("an unexpected error (%@)", "\(type(of: error))"))
        }
    }

    /// The file read and decoded anew, for a front that does it off its loop: nil when it still
    /// holds the bytes of digest `since` (what the store had when the read began:
    /// `loadedDigest`). Touches no store; `adopt` takes the result.
    public static func readChanged(path: String, since: StoreDigest, verified: VerifiedStores) throws(StoreError) -> StoreRead? {
        // The digest first, a piece at a time: the front's own save changes the file's time, and
        // a large store read whole just to find it unchanged was the front's peak.
        if StoreDigest.ofFile(path) == since { return nil }
        let (data, _, digest) = try AtomicFile.readDigested(path)
        guard digest != since else { return nil }
        return StoreRead(digest: digest, document: try verified.decode(data, digest: digest, path: path))
    }

    /// The digest of the bytes this store loaded or last wrote: where a read off the loop starts from.
    public var loadedDigest: StoreDigest { baseline }

    /// Takes a read made by `readChanged` from `since`, unless the store moved on meanwhile (a
    /// save or another reload): false then, and nothing changes (read again from `loadedBytes`).
    public func adopt(_ read: StoreRead, since: StoreDigest) -> Bool {
        guard baseline == since else { return false }
        document = read.document
        baseline = read.digest
        if readOnlyReason == nil || document.schemaVersion > StoreDocument.currentSchemaVersion {
            readOnlyReason = ProgrammeStore.writability(of: document, path: path, mode: readOnlyReason == nil ? .readWrite : .readOnly)
        }
        return true
    }

    /// True while a lock an earlier save could not remove is still there.
    public var hasLeftLock: Bool { leftLock?.isHeld ?? false }

    /// Tries again to remove a lock an earlier save could not remove: nil once it is gone (or
    /// there was none), else why it is still there. The front calls it each second.
    public func releaseLeftLock() -> StoreNote? {
        guard let lock = leftLock else { return nil }
        let note = lock.release()
        if note == nil { leftLock = nil }
        return note
    }

    /// Nothing is held between saves; a closed store refuses further saves.
    public func close() {
        if readOnlyReason == nil { readOnlyReason = "closed" }
    }

    // MARK: The save

    /// Inside the lock: `change` is given the file's bytes (nil: they are the bytes loaded or last
    /// written, checked by their digest as they were read a piece at a time) and says what to
    /// write; it is written
    /// as the next revision and the lock released. If another program (one that does not take the
    /// lock) replaced the file between the read and the write, nothing of theirs is overwritten:
    /// the save starts again on their file.
    ///
    /// `oneMilestone`: the change is of that milestone alone (a tick, an untick, an edit of its
    /// fields); when the file is the very bytes loaded, only its record is written anew.
    private func locked(oneMilestone: String? = nil, _ change: ([UInt8]?) throws -> Programme) throws -> Commit {
        if let readOnlyReason { throw StoreError.readOnly(path: path, reason: readOnlyReason) }
        _ = releaseLeftLock()
        let (lock, notes) = try ProgrammeStore.lock(path, officer: officer, wait: lockWait)
        defer { _ = lock.releaseIfUntried() }
        /// Released at the end of a save, so that a lock left behind is told with it (the deferred
        /// release covers the paths that throw) and tried again later.
        func release() -> StoreNote? {
            let note = lock.release()
            if note != nil { leftLock = lock }
            return note
        }
        AtomicFile.removeAbandonedTemporaries(for: path)
        let loaded = baseline
        var attempts = 0
        while true {
            // One milestone's edit on the file as loaded: read a piece at a time, never held whole.
            let scan = oneMilestone.flatMap { scanLoaded(milestone: $0) }
            let (onDisk, identity) = try scan.map { ([UInt8](), $0.identity) } ?? AtomicFile.readVersion(path)
            let programme = try change(scan == nil ? onDisk : nil)
            let reloaded = baseline != loaded
            if programme == document.programme {
                return Commit(revision: document.revision, reloaded: reloaded, notes: notes + [release()].compactMap { $0 }, changed: false)
            }
            var next = document
            next.programme = programme
            next.schemaVersion = StoreDocument.currentSchemaVersion
            let (revision, overflow) = document.revision.addingReportingOverflow(1)
            guard !overflow, revision < StoreDocument.revisionLimit else {
                throw StoreError.readOnly(path: path, reason: L("its revision, %@, cannot be raised: the next would be ", "\(document.revision)")
                                          + L("the largest number a revision can be. Set it back to 1 in an editor to go on saving"))
            }
            next.revision = revision
            let written: Result<String?, StoreError>
            let digest: StoreDigest
            if let scan, let id = oneMilestone, let after = programme.milestone(id) {
                (written, digest) = writeStreamed(scan, revision: revision,
                                                  record: try ProgrammeStore.record(after, depth: ProgrammeStore.milestoneDepth, path: path))
            } else if let id = oneMilestone, scan == nil, let splice = try splice(onDisk, milestone: id, into: programme) {
                (written, digest) = ProgrammeStore.writeSpliced(onDisk, outline: splice.outline, revision: revision, record: splice.record,
                                                                to: path, replacing: identity)
            } else {
                let bytes = StoreEncoder.encode(next)
                // Never write what could not be read back: the bytes must be well-formed JSON. (A
                // full decode would cost as much as the rest of the save on a large store; the
                // writer itself is held to round-trip by the tests and the fuzzer.)
                if let failure = JSONSyntaxChecker.check(bytes) {
                    throw StoreError.writeFailed(path: path, reason: L("knupp made a file it could not read back (%@); nothing was written", "\(failure.message)"))
                }
                (written, digest) = (Result { () throws(StoreError) in try AtomicFile.write(bytes, to: path, replacing: identity) }, StoreDigest(of: bytes))
            }
            let warning: String?
            switch written {
            case .success(let note): warning = note
            case .failure(.changedOnDisk) where attempts < ProgrammeStore.replacedRetries:
                // Another program's file landed while this one was written: start again on it.
                attempts += 1
                ProgrammeStore.pauseBeforeAgain(attempts)
                continue
            case .failure(let error): throw error
            }
            document = next
            baseline = digest
            verified.remember(digest)
            return Commit(revision: revision, reloaded: reloaded,
                          notes: notes + [warning.map(StoreNote.notDurable), release()].compactMap { $0 })
        }
    }

    /// How many times a save starts again when other programs keep replacing the file under it.
    static let replacedRetries = 50

    /// A pause of a random few milliseconds, longer with each attempt: a program that replaces
    /// the file in a steady rhythm (a sync client, a script) then leaves a save a gap to land in,
    /// rather than meeting it at the same moment every time.
    static func pauseBeforeAgain(_ attempt: Int) {
        usleep(UInt32.random(in: 500...(2_000 * UInt32(min(max(attempt, 1), 10)))))
    }

    /// Takes the store's lock for a save (waiting up to `wait` seconds for another writer), with
    /// what taking it had to do (a stale lock taken over).
    static func lock(_ path: String, officer: String, wait: Double, now: Date = Date()) throws(StoreError) -> (StoreLock, [StoreNote]) {
        let lockPath = lockPath(for: path)
        switch StoreLock.acquire(path: lockPath, owner: .thisProcess(user: officer, since: isoMoment(now)), wait: wait) {
        case .acquired(let lock, let tookOver): return (lock, tookOver)
        case .heldBy(let holder): throw .locked(path: path, lockPath: lockPath, holder: holder, waited: wait)
        case .failed(let reason): throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Loads someone else's version if the file read inside the lock is not the one loaded.
    private func catchUp(_ onDisk: [UInt8]) throws {
        let digest = StoreDigest(of: onDisk)
        guard digest != baseline else { return }
        let theirs = try verified.decode(onDisk, digest: digest, path: path)
        document = theirs
        baseline = digest
        if theirs.schemaVersion > StoreDocument.currentSchemaVersion {
            readOnlyReason = ProgrammeStore.writability(of: theirs, path: path, mode: .readWrite)
            throw StoreError.readOnly(path: path, reason: readOnlyReason ?? L("written by a newer knupp"))
        }
    }
}
