import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store files this officer's knupp has read whole and found valid, or written itself, known
/// by their digest (`StoreDigest`): a small cache in `$XDG_CACHE_HOME/knupp` (`~/.cache/knupp`).
///
/// It lets a command skip checking the whole programme again when the bytes on disk are bytes
/// knupp already checked: every rule `knupp validate` applies held for them, and they cannot have
/// changed since, or the digest would differ. The digests are keyed with a random secret kept in
/// the cache file, so a file cannot be built to match one (`StoreDigest`); the file is trusted
/// only when it and its folder are the officer's own and nobody else may write them (nor read the
/// file, which holds the secret). It is only ever a shortcut: a missing, foreign, unreadable or
/// garbled cache means the full check, never a wrong answer. Nothing in it is the record;
/// deleting it loses nothing.
public struct VerifiedStores: Sendable {
    /// Raise when the reader starts refusing something it accepted before: every file the cache
    /// vouched for is then read whole again once.
    static let rulesVersion = 1
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
        if let setting = environment["KNUPP_VERIFIED_CACHE"]?.lowercased(), ["off", "0", "no", "false"].contains(setting) { return .none }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return VerifiedStores(path: xdg + "/knupp/verified-stores") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        guard home.hasPrefix("/"), home != "/" else { return .none }
        return VerifiedStores(path: home + "/.cache/knupp/verified-stores")
    }

    /// What the cache holds, read once for a command: its key and the digests, oldest first.
    /// A new random key and no digests when there is no cache to trust.
    public struct Contents: Sendable {
        public let key: StoreDigest.Key
        public internal(set) var digests: [StoreDigest]

        public func digest(of bytes: [UInt8]) -> StoreDigest { StoreDigest(of: bytes, key: key) }
        public func knows(_ digest: StoreDigest) -> Bool { digests.contains(digest) }
    }

    private static let header = "knupp verified stores 2, rules \(rulesVersion), schema \(StoreDocument.currentSchemaVersion)"

    /// The cache as it is on disk, when it may be trusted.
    public func contents() -> Contents {
        guard let path, VerifiedStores.isOwnFolder(AtomicFile.folder(of: path)), VerifiedStores.isOwnPrivateFile(path),
              let data = try? AtomicFile.readBytes(path), data.count < 64 * 1024 else {
            return Contents(key: .random(), digests: [])
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 2, lines[0] == VerifiedStores.header, let key = VerifiedStores.key(lines[1]) else {
            return Contents(key: .random(), digests: [])
        }
        return Contents(key: key, digests: lines.dropFirst(2).compactMap { StoreDigest($0) })
    }

    /// True when `bytes` are bytes knupp found valid.
    public func knows(_ bytes: [UInt8]) -> Bool {
        let contents = contents()
        return contents.knows(contents.digest(of: bytes))
    }

    /// Notes that `bytes` are valid. Best effort: a cache that cannot be written only costs the
    /// next command a full check.
    public func remember(_ bytes: [UInt8]) {
        var contents = contents()
        remember(contents.digest(of: bytes), in: &contents)
    }

    /// Notes `digest` (made with `contents.key`) as valid, in `contents` and on disk.
    public func remember(_ digest: StoreDigest, in contents: inout Contents) {
        guard let path, contents.digests.last != digest else { return }
        contents.digests.removeAll { $0 == digest }
        contents.digests.append(digest)
        contents.digests = Array(contents.digests.suffix(VerifiedStores.capacity))
        let folder = AtomicFile.folder(of: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        guard VerifiedStores.isOwnFolder(folder) else { return }
        let k = contents.key.words
        let text = ([VerifiedStores.header, "key " + [k.0, k.1, k.2, k.3].map(StoreDigest.hex).joined()]
                    + contents.digests.map(\.description)).joined(separator: "\n") + "\n"
        // A whole new file renamed into place: two officers' commands never leave half a line,
        // and a failed write leaves nothing behind.
        let temp = "\(path).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temp, path) != 0 { unlink(temp) }
    }

    /// Reads a store's bytes whole: without checking again what was checked when these very
    /// bytes were found valid before, else with every check, noting them as valid when they are.
    func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> StoreDocument {
        var contents = contents()
        let digest = contents.digest(of: bytes)
        let document = try StoreDocument.decode(bytes: bytes, path: path, verified: contents.knows(digest))
        remember(digest, in: &contents)
        return document
    }

    // MARK: Trust

    /// A folder of this user's that nobody else may write in.
    private static func isOwnFolder(_ folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid() && info.st_mode & 0o022 == 0
    }

    /// A plain file (not a link) of this user's that nobody else may read or write.
    private static func isOwnPrivateFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFREG && info.st_uid == geteuid() && info.st_mode & 0o077 == 0
    }

    private static func key(_ line: Substring) -> StoreDigest.Key? {
        guard line.hasPrefix("key "), line.utf8.count == 4 + 64 else { return nil }
        let hexText = line.dropFirst(4)
        var words: [UInt64] = []
        var start = hexText.startIndex
        for _ in 0..<4 {
            let end = hexText.index(start, offsetBy: 16)
            guard let word = UInt64(hexText[start..<end], radix: 16) else { return nil }
            words.append(word)
            start = end
        }
        return StoreDigest.Key(words[0], words[1], words[2], words[3])
    }
}
