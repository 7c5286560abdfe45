import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store files this officer's knupp has read whole and found valid, or written itself, known
/// by their digest (`StoreDigest`): a small cache in `$XDG_CACHE_HOME/knupp` (`~/.cache/knupp`).
///
/// It lets a command skip checking the whole programme again when the bytes on disk are bytes
/// knupp already checked: every rule `knupp validate` applies held for them, and they cannot have
/// changed since, or the digest (SHA-256) would differ. The file is trusted only when it and its
/// folder are the officer's own and nobody else may write them, so nobody else can vouch for a
/// file in the officer's name. It is only ever a shortcut: a missing, foreign, unreadable or
/// garbled cache means the full check, never a wrong answer. Nothing in it is the record;
/// deleting it loses nothing.
public struct VerifiedStores: Sendable {
    /// Raise when the reader starts refusing something it accepted before: every file the cache
    /// vouched for is then read whole again once. (2: a lone half of a surrogate pair; 3: a
    /// revision that cannot be raised.)
    static let rulesVersion = 3
    /// Digests kept: the newest few (a store and the file of each of its last saves).
    static let capacity = 32

    /// The cache file; nil when there is none (no home folder, or turned off).
    public let path: String?

    public init(path: String?) { self.path = path }

    /// None: every command checks the whole store.
    public static let none = VerifiedStores(path: nil)

    /// `$XDG_CACHE_HOME/knupp/verified-stores`, else `~/.cache/knupp/verified-stores`;
    /// `KNUPP_VERIFIED_CACHE=off` (or 0, no, false) turns the shortcut off.
    public static func standard(_ environment: [String: String]) -> VerifiedStores {
        if environment["KNUPP_VERIFIED_CACHE"].flatMap(Settings.flag) == false { return .none }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return VerifiedStores(path: xdg + "/knupp/verified-stores") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        guard home.hasPrefix("/"), home != "/" else { return .none }
        return VerifiedStores(path: home + "/.cache/knupp/verified-stores")
    }

    /// What the cache holds, read once for a command: the digests, oldest first; none when there
    /// is no cache to trust.
    public struct Contents: Sendable {
        public internal(set) var digests: [StoreDigest]

        public func digest(of bytes: [UInt8]) -> StoreDigest { StoreDigest(of: bytes) }
        public func knows(_ digest: StoreDigest) -> Bool { digests.contains(digest) }
    }

    /// The first line; a cache of another form (an earlier knupp's keyed digests) is not read.
    private static let header = "knupp verified stores 3, sha256, rules \(rulesVersion), schema \(StoreDocument.currentSchemaVersion)"

    /// The cache as it is on disk, when it may be trusted.
    public func contents() -> Contents {
        let fresh = Contents(digests: [])
        guard let path, let folder = VerifiedStores.openOwnFolder(AtomicFile.folder(of: path)) else { return fresh }
        defer { close(folder) }
        guard let data = VerifiedStores.readOwnPrivateFile(in: folder, named: VerifiedStores.name(of: path)) else { return fresh }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(VerifiedStores.header) else { return fresh }
        return Contents(digests: lines.dropFirst().compactMap { StoreDigest($0) })
    }

    /// True when `bytes` are bytes knupp found valid.
    public func knows(_ bytes: [UInt8]) -> Bool {
        let contents = contents()
        return contents.knows(contents.digest(of: bytes))
    }

    /// Notes that `bytes` are valid. Best effort: a cache that cannot be written only costs the
    /// next command a full check.
    public func remember(_ bytes: [UInt8]) { remember(StoreDigest(of: bytes)) }

    /// Notes that the bytes of `digest` are valid.
    public func remember(_ digest: StoreDigest) {
        var contents = contents()
        remember(digest, in: &contents)
    }

    /// Notes `digest` as valid, in `contents` and on disk.
    public func remember(_ digest: StoreDigest, in contents: inout Contents) {
        guard let path, contents.digests.last != digest else { return }
        contents.digests.removeAll { $0 == digest }
        contents.digests.append(digest)
        contents.digests = Array(contents.digests.suffix(VerifiedStores.capacity))
        let folderPath = AtomicFile.folder(of: path)
        VerifiedStores.createOwnFolder(folderPath)
        guard let folder = VerifiedStores.openOwnFolder(folderPath) else { return }
        defer { close(folder) }
        let text = ([VerifiedStores.header] + contents.digests.map(\.description)).joined(separator: "\n") + "\n"
        // A whole new file renamed into place, both through the folder opened and checked above
        // (no name looked up again that someone could swap meanwhile): two officers' commands
        // never leave half a line, and a failed write leaves nothing behind.
        let name = VerifiedStores.name(of: path)
        let temp = "\(name).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openat(folder, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || renameat(folder, temp, folder, name) != 0 { unlinkat(folder, temp, 0) }
    }

    /// Reads a store's bytes whole: without checking again what was checked when these very
    /// bytes were found valid before, else with every check, noting them as valid when they are.
    func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> StoreDocument {
        try decode(bytes, digest: StoreDigest(of: bytes), path: path)
    }

    /// The same, given the bytes' digest (`StoreDigest(of: bytes)`), taken once by a caller that
    /// compares it too.
    func decode(_ bytes: [UInt8], digest: StoreDigest, path: String) throws(StoreError) -> StoreDocument {
        var contents = contents()
        let document = try StoreDocument.decode(bytes: bytes, path: path, verified: contents.knows(digest))
        remember(digest, in: &contents)
        return document
    }

    // MARK: Trust

    private static func name(of path: String) -> String { (path as NSString).lastPathComponent }

    /// The folder opened (not followed if it is a link) when it is this user's and nobody else
    /// may write in it; checked on the open descriptor, so what is checked is what is used.
    private static func openOwnFolder(_ folder: String) -> Int32? {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// The file's bytes when it is a plain file (not a link) of this user's that nobody else may
    /// read or write, checked on the open descriptor.
    private static func readOwnPrivateFile(in folder: Int32, named name: String) -> [UInt8]? {
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o077 == 0,
              info.st_size < 64 * 1024 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        return total < bytes.count ? Array(bytes[0..<total]) : nil
    }

    /// Makes the folder (0700) and any missing folders above it, each only inside a folder of
    /// this user's: run as root with someone else's HOME, knupp makes nothing of theirs root's.
    private static func createOwnFolder(_ folder: String) {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        let parent = AtomicFile.folder(of: folder)
        guard parent != folder, !parent.isEmpty else { return }
        createOwnFolder(parent)
        guard stat(parent, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else { return }
        mkdir(folder, 0o700)
    }
}
