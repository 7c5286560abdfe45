import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store files this officer's knupp has read whole and found valid, or written itself, known
/// by their digest (`StoreDigest`): a small cache in `$XDG_CACHE_HOME/knupp` (`~/.cache/knupp`).
///
/// It lets a command that changes one milestone (`knupp tick`) skip reading the whole programme
/// when the bytes on disk are bytes knupp already checked: every rule `knupp validate` applies
/// held for them, and they cannot have changed since, or the digest would differ. It is only ever
/// a shortcut: a missing, unreadable or garbled cache means the full read, never a wrong answer.
/// Nothing in it is the record; deleting it loses nothing.
public struct VerifiedStores: Sendable {
    /// Raise when the reader starts refusing something it accepted before: every file the cache
    /// vouched for is then read whole again once.
    static let rulesVersion = 1
    /// Digests kept: the newest few (a store and the file of each of its last saves).
    static let capacity = 32

    /// The cache file; nil when there is none (no home folder, or turned off).
    public let path: String?

    public init(path: String?) { self.path = path }

    /// None: every command reads the whole store.
    public static let none = VerifiedStores(path: nil)

    /// `$XDG_CACHE_HOME/knupp/verified-stores`, else `~/.cache/knupp/verified-stores`;
    /// `KNUPP_VERIFIED_CACHE=off` turns the shortcut off (to measure, or to rule it out).
    public static func standard(_ environment: [String: String]) -> VerifiedStores {
        if environment["KNUPP_VERIFIED_CACHE"] == "off" { return .none }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return VerifiedStores(path: xdg + "/knupp/verified-stores") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        guard home.hasPrefix("/"), home != "/" else { return .none }
        return VerifiedStores(path: home + "/.cache/knupp/verified-stores")
    }

    private var header: String {
        "knupp verified stores, rules \(VerifiedStores.rulesVersion), schema \(StoreDocument.currentSchemaVersion)"
    }

    /// True when `digest` is of a file knupp found valid.
    public func contains(_ digest: StoreDigest) -> Bool {
        entries().contains(digest)
    }

    /// Notes that the file with `digest` is valid. Best effort: a cache that cannot be written
    /// only costs the next command a full read.
    public func remember(_ digest: StoreDigest) {
        guard let path else { return }
        var known = entries()
        if known.last == digest { return }
        known.removeAll { $0 == digest }
        known.append(digest)
        let text = ([header] + known.suffix(VerifiedStores.capacity).map(\.description)).joined(separator: "\n") + "\n"
        try? FileManager.default.createDirectory(atPath: AtomicFile.folder(of: path), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        // A whole new file renamed into place: two officers' commands never leave half a line.
        let temp = "\(path).new-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written == bytes.count { rename(temp, path) } else { unlink(temp) }
    }

    /// Reads a store's bytes whole: without checking again what was checked when these very
    /// bytes were found valid before, else with every check, noting them as valid when they are.
    func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> StoreDocument {
        let digest = StoreDigest(of: bytes)
        let known = entries()
        let document = try StoreDocument.decode(bytes: bytes, path: path, verified: known.contains(digest))
        if known.last != digest { remember(digest) }
        return document
    }

    /// The digests in the cache, oldest first; none when it is missing, of another version, or garbled.
    func entries() -> [StoreDigest] {
        guard let path, let data = try? AtomicFile.read(path), data.count < 64 * 1024 else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first.map(String.init) == header else { return [] }
        return lines.dropFirst().compactMap { StoreDigest($0) }
    }
}
