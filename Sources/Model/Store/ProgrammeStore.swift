import Foundation

/// The programme's JSON file, opened by one front, saved without ever losing anyone's work.
///
/// The protocol (DESIGN.md): a lock file while open for writing; before every save the file
/// on disk is compared with what was loaded, and a change made by someone else is never
/// overwritten; the write is atomic; a file that failed to load is never written.
public final class ProgrammeStore {
    public enum Mode: Sendable { case readWrite, readOnly }

    /// What a commit did.
    public struct Commit: Equatable, Sendable {
        /// The revision now on disk.
        public var revision: Int
        /// True when someone else had saved first and the edit was applied to their version.
        public var reloaded: Bool
    }

    public let path: String
    public private(set) var document: StoreDocument
    /// Why this store may not be written, or nil when it may.
    public private(set) var readOnlyReason: String?
    /// The bytes as loaded (or last saved): what the file on disk must still be before a save.
    private var baseline: Data
    private var lock: StoreLock?

    public var programme: Programme { document.programme }
    public var isReadOnly: Bool { readOnlyReason != nil }
    public var lockPath: String { AtomicFile.resolve(path) + ".lock" }

    private init(path: String, document: StoreDocument, baseline: Data) {
        self.path = path; self.document = document; self.baseline = baseline
    }

    deinit { lock?.release() }

    /// Opens the store at `path`. For writing, the lock is taken; if another instance holds it
    /// the store opens read-only and `readOnlyReason` names the holder.
    public static func open(path: String, mode: Mode = .readWrite, officer: String,
                            now: Date = Date()) throws(StoreError) -> ProgrammeStore {
        let data = try read(path)
        let document = try StoreDocument.decode(data, path: path)
        let store = ProgrammeStore(path: path, document: document, baseline: data)
        if document.schemaVersion > StoreDocument.currentSchemaVersion {
            store.readOnlyReason = "it was written by a newer knupp (schema \(document.schemaVersion); "
                + "this one knows \(StoreDocument.currentSchemaVersion)); update knupp to change it"
        } else if mode == .readOnly {
            store.readOnlyReason = "opened for reading only"
        } else if access(AtomicFile.resolve(path), W_OK) != 0 {
            store.readOnlyReason = "you may not write the file"
        } else {
            switch StoreLock.acquire(path: store.lockPath, owner: LockOwner(user: officer, since: isoMoment(now))) {
            case .acquired(let lock):
                store.lock = lock
                AtomicFile.removeAbandonedTemporaries(for: path)
            case .heldBy(let owner):
                store.readOnlyReason = "locked by " + (owner?.description ?? "another knupp (\(store.lockPath))")
            }
        }
        return store
    }

    /// Reads a store without locking it (for `validate` and read-only commands).
    public static func read(_ path: String) throws(StoreError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: AtomicFile.errnoText())
        }
    }

    /// Saves `programme` as the next revision, unless the file changed on disk since it was
    /// loaded (then `.changedOnDisk`, and nothing is written).
    @discardableResult
    public func save(_ programme: Programme) throws(StoreError) -> Int {
        if let readOnlyReason { throw .readOnly(path: path, reason: readOnlyReason) }
        let onDisk = try ProgrammeStore.read(path)
        guard onDisk == baseline else { throw .changedOnDisk(path: path) }
        var next = document
        next.programme = programme
        next.revision += 1
        next.schemaVersion = StoreDocument.currentSchemaVersion
        let data = next.encoded()
        // Never write what could not be read back.
        _ = try StoreDocument.decode(data, path: path)
        try AtomicFile.write(data, to: path)
        document = next
        baseline = data
        return next.revision
    }

    /// Loads the file again (after someone else saved).
    public func reload() throws(StoreError) {
        let data = try ProgrammeStore.read(path)
        document = try StoreDocument.decode(data, path: path)
        baseline = data
    }

    /// Applies `edit` and saves. If someone else saved first, reloads their version, applies
    /// the edit to it and saves that; if the edit no longer applies, throws its `EditError`
    /// and the other version stays loaded. Nothing anyone saved is overwritten.
    @discardableResult
    public func commit(_ edit: Edit) throws -> Commit {
        if let readOnlyReason { throw StoreError.readOnly(path: path, reason: readOnlyReason) }
        var reloaded = false
        for _ in 0..<5 {
            let changed = try programme.applying(edit)
            do {
                return Commit(revision: try save(changed), reloaded: reloaded)
            } catch .changedOnDisk {
                try reload()
                reloaded = true
            }
        }
        throw StoreError.changedOnDisk(path: path)
    }

    /// Releases the lock. The store stays readable.
    public func close() {
        lock?.release()
        lock = nil
        if readOnlyReason == nil { readOnlyReason = "closed" }
    }

    /// Writes a new store file from `programme`; refuses to replace an existing one unless `force`.
    public static func create(path: String, programme: Programme, force: Bool = false) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) && !force { throw .exists(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(path: path, reason: "cannot create \(folder)")
            }
        }
        try AtomicFile.write(StoreDocument(revision: 1, programme: programme).encoded(), to: path)
    }
}
