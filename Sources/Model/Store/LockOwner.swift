import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a store open for writing, as written in the lock file beside it.
public struct LockOwner: Codable, Equatable, Sendable {
    public var user: String
    public var host: String
    public var pid: Int32
    /// ISO 8601 UTC.
    public var since: String

    public init(user: String, host: String = LockOwner.hostName, pid: Int32 = getpid(), since: String) {
        self.user = user; self.host = host; self.pid = pid; self.since = since
    }

    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "alice on host-1 (pid 4242) since 2026-11-28T09:00:00Z".
    public var description: String { "\(user) on \(host) (pid \(pid)) since \(since)" }

    /// The lock file's text: one line of JSON, written by hand (Codable costs a millisecond a save).
    var fileText: String {
        JSONValue.object(["user": .string(user), "host": .string(host), "pid": .number(String(pid)), "since": .string(since)]).text
    }

    /// Reads a lock file's bytes, this knupp's or an earlier one's (its JSONEncoder wrote the same
    /// keys); nil when they are garbled or cut short.
    init?(fileBytes: [UInt8]) {
        var parser = JSONParser(bytes: fileBytes)
        guard case .object(let members)? = parser.document(), case .string(let user)? = members["user"],
              case .string(let host)? = members["host"], case .number(let pidText)? = members["pid"], let pid = Int32(pidText),
              case .string(let since)? = members["since"] else { return nil }
        self.init(user: user, host: host, pid: pid, since: since)
    }
}
