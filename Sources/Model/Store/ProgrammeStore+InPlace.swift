import Foundation

extension ProgrammeStore {
    /// What an edit in place did.
    public enum InPlace: Sendable {
        /// Saved as the commit's revision: the milestone before and after.
        case saved(Commit, before: Milestone, after: Milestone)
        /// Nothing to write: `decide` gave no edit, or the edit would change nothing.
        case unchanged(Milestone)
        /// This way cannot take the edit, and nothing was written: open the store whole. The notes
        /// say what taking the lock had to do (a stale lock taken over), to be told all the same.
        case needsFullRead(notes: [StoreNote])
    }

    /// Changes one milestone, named by its exact id, in the store's bytes without reading the
    /// whole programme: what makes `knupp tick` on a large store cost little more than writing it.
    ///
    /// Inside the lock, like every save: the file is read, and checked whole unless its digest
    /// says knupp already read these very bytes and found them valid, or wrote them (`verified`);
    /// the milestone's record is found (`StoreOutline`), read, changed by the edit `decide`
    /// gives, and written back in its place with the revision raised; every other byte stays as
    /// it was. For a canonical file the result is byte for byte what a full save writes (the
    /// tests hold the two equal); a file laid out by hand keeps its layout.
    ///
    /// `.needsFullRead` when this way cannot take the edit, having written nothing: the file has
    /// a problem, is of another schema, the id is not exact, the edit is not of one milestone,
    /// the store may not be written. The caller then opens the store and commits as usual, which
    /// says what is wrong, if anything is.
    public static func editInPlace(path: String, milestone id: String, officer: String, lockWait: Double,
                                   verified: VerifiedStores, decide: (Milestone) throws -> Edit?) throws -> InPlace {
        try editInPlace(path: path, milestone: id, officer: officer, lockWait: lockWait, verified: verified,
                        whileUnlocked: {}, decide: decide)
    }

    /// The same; `whileUnlocked` runs after a new file was checked with the lock released and
    /// before the lock is taken again: where the tests let another officer save.
    static func editInPlace(path: String, milestone id: String, officer: String, lockWait: Double, verified: VerifiedStores,
                            whileUnlocked: () -> Void, decide: (Milestone) throws -> Edit?) throws -> InPlace {
        guard AtomicFile.exists(path), permission(path) == nil else { return .needsFullRead(notes: []) }
        var cache = verified.contents()
        var notes: [StoreNote] = []
        // Bytes this knupp has not verified yet are read whole first, every rule checked (the
        // programme read for that is let go at once); a file with any problem is left to the
        // full read, which says what the problem is. The check is made with the lock released
        // (on a large store it takes a second, and others' saves wait for the lock), then the
        // lock is taken again and the file read again: almost always the very bytes checked,
        // known by their digest. (Keeping the bytes to compare instead saved a tenth of a second
        // on a 187 MB store and held a second copy of it: the command's peak went past three
        // times the file.)
        var checkedWithoutLock: StoreDigest?
        var replaced = 0
        while true {
            let (lock, tookOver) = try ProgrammeStore.lock(path, officer: officer, wait: lockWait)
            defer { _ = lock.releaseIfUntried() }
            notes += tookOver
            AtomicFile.removeAbandonedTemporaries(for: path)
            guard let (data, identity, digest) = try? AtomicFile.readDigested(path) else { return .needsFullRead(notes: notes) }
            if digest != checkedWithoutLock, !cache.knows(digest) {
                // Checked with the lock let go, unless it could not be let go: then inside it.
                let first = checkedWithoutLock == nil && lock.release() == nil
                guard StoreDocument.check(bytes: data, path: path).problems.isEmpty else { return .needsFullRead(notes: notes) }
                verified.remember(digest, in: &cache)
                if first {
                    checkedWithoutLock = digest
                    whileUnlocked()
                    continue
                }
            }
            switch Result(catching: { try editChecked(data, identity: identity, lock: lock, notes: notes) }) {
            case .success(let outcome): return outcome
            case .failure(StoreError.changedOnDisk) where replaced < ProgrammeStore.replacedRetries:
                // Another program (one that does not take the lock) replaced the file while this
                // edit was written: nothing of theirs was overwritten; start again on their file.
                replaced += 1
                ProgrammeStore.pauseBeforeAgain(replaced)
            case .failure(let error): throw error
            }
        }

        /// Inside the lock, the bytes verified: the edit itself.
        func editChecked(_ data: [UInt8], identity: FileIdentity, lock: StoreLock, notes: [StoreNote]) throws -> InPlace {
            let notHere = InPlace.needsFullRead(notes: notes)
            guard let found = data.withUnsafeBytes({ raw in
                StoreOutline.find(milestone: id, in: raw).map { ($0, Array(raw[$0.milestone])) }
            }) else { return notHere }
            let (outline, old) = found
            func number(_ range: Range<Int>) -> Int? { Int(String(decoding: data[range], as: UTF8.self)) }
            guard number(outline.schemaVersion) == StoreDocument.currentSchemaVersion,
                  let revision = number(outline.revision), revision >= 1 else { return notHere }
            let (next, overflow) = revision.addingReportingOverflow(1)
            guard !overflow, next < StoreDocument.revisionLimit, let before = StoreDecoder.milestone(old) else { return notHere }

            guard let edit = try decide(before) else { return .unchanged(before) }
            guard edit.changesOneMilestone, edit.recordID == before.id else { return notHere }
            var after = before
            try after.apply(edit)
            if after == before { return .unchanged(before) }

            let new = try ProgrammeStore.record(after, depth: outline.depth, path: path)
            let (written, savedDigest) = ProgrammeStore.writeSpliced(data, outline: outline, revision: next, record: new, to: path, replacing: identity)
            let warning = try written.get()
            verified.remember(savedDigest, in: &cache)
            return .saved(Commit(revision: next, reloaded: false,
                                 notes: notes + [warning.map(StoreNote.notDurable), lock.release()].compactMap { $0 }),
                          before: before, after: after)
        }
    }

    /// Writes the file `data` with the outlined record replaced by `record` and the revision
    /// raised to `next`, piece by piece from the bytes read (no second copy of a large store), in
    /// place of the version `identity` (`AtomicFile.write(chunks:to:replacing:)`). What the write
    /// came to, and the digest of the bytes written. The command line's edit in place and the
    /// front's one-record save both write this way.
    static func writeSpliced(_ data: [UInt8], outline: StoreOutline, revision next: Int, record: [UInt8], to path: String,
                             replacing identity: FileIdentity,
                             digestBeside: Int = StoreDigest.besideFrom) -> (Result<String?, StoreError>, StoreDigest) {
        withSplice(data, outline: outline, revision: next, record: record) { chunks in
            var builder = StoreDigest.Builder()
            var written: Result<String?, StoreError>?
            func write() { written = Result { () throws(StoreError) in try AtomicFile.write(chunks: chunks, to: path, replacing: identity) } }
            func digest() { for chunk in chunks { builder.add(chunk) } }
            // A large store's digest is taken on the other core while the file is written and
            // synced (a tenth of a second each at 187 MB); a small one's costs less than a thread.
            if data.count >= digestBeside { TwoCores.both(write, digest) } else { write(); digest() }
            return (written!, builder.digest)
        }
    }

    /// A milestone's record as it stands `depth` containers deep, checked to read back.
    static func record(_ milestone: Milestone, depth: Int, path: String) throws -> [UInt8] {
        let new = StoreEncoder.encode(milestone, depth: depth)
        if let failure = JSONSyntaxChecker.check(new) {
            throw StoreError.writeFailed(path: path, reason: "knupp made a record it could not read back (\(failure.message)); nothing was written")
        }
        return new
    }

    /// The file's bytes with the revision raised to `next` and the outlined milestone's record
    /// replaced by `record`, as the five pieces they stand in (before, the first change, between,
    /// the second, after), given to `body`.
    static func withSplice<R>(_ data: [UInt8], outline: StoreOutline, revision next: Int, record: [UInt8],
                              _ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        let changes = [(outline.revision, Array(String(next).utf8)), (outline.milestone, record)].sorted { $0.0.lowerBound < $1.0.lowerBound }
        return try data.withUnsafeBytes { raw in
            try changes[0].1.withUnsafeBytes { first in
                try changes[1].1.withUnsafeBytes { second in
                    try body([UnsafeRawBufferPointer(rebasing: raw[0..<changes[0].0.lowerBound]), first,
                              UnsafeRawBufferPointer(rebasing: raw[changes[0].0.upperBound..<changes[1].0.lowerBound]), second,
                              UnsafeRawBufferPointer(rebasing: raw[changes[1].0.upperBound...])])
                }
            }
        }
    }

    /// For a save of an edit of one milestone on the very bytes this store loaded or wrote: where
    /// its record stands in them and the record to put there (`withSplice` then gives the new
    /// file with only that record and the revision changed), or nil when the bytes cannot be
    /// taken that way (the whole programme is then encoded). The same bytes as a whole encoding
    /// for a canonical file (the edit in place's tests hold the two equal), in a fraction of the
    /// time on a large store.
    func splice(_ data: [UInt8], milestone id: String, into programme: Programme) throws -> (outline: StoreOutline, record: [UInt8])? {
        guard document.schemaVersion == StoreDocument.currentSchemaVersion, let after = programme.milestone(id),
              let outline = data.withUnsafeBytes({ StoreOutline.find(milestone: id, in: $0) }),
              Int(String(decoding: data[outline.revision], as: UTF8.self)) == document.revision else { return nil }
        return (outline, try ProgrammeStore.record(after, depth: outline.depth, path: path))
    }
}
