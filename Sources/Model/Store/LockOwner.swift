import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a store open for writing, as written in the lock file beside it.
public struct LockOwner: Codable, Equatable, Sendable {
    public var user: String
    public var host: String
    public var pid: Int32
    /// When that process started (`ProcessStart`), so that a process number used again by
    /// another process, of any user, is told from the one that wrote the lock. nil in the locks
    /// of earlier knupps.
    public var start: String?
    /// ISO 8601 UTC.
    public var since: String

    public init(user: String, host: String = LockOwner.hostName, pid: Int32 = getpid(),
                start: String? = nil, since: String) {
        self.user = user; self.host = host; self.pid = pid; self.start = start; self.since = since
    }

    /// The owner a save of this process writes: this host, this process and its start.
    static func thisProcess(user: String, since: String) -> LockOwner {
        LockOwner(user: user, pid: getpid(), start: ProcessStart.current, since: since)
    }

    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The host name as it may stand in a file name (letters, digits and `.`; the rest, `-`
    /// included, `_`, so that the process number after it is found).
    static var fileSafeHostName: String {
        String(hostName.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") ? Character($0) : "_" })
    }

    /// "alice on host-1 (pid 4242) since 2026-11-28T09:00:00Z".
    public var description: String { "\(user) on \(host) (pid \(pid)) since \(since)" }

    /// The lock file's text: one line of JSON, written by hand (Codable costs a millisecond a save).
    var fileText: String {
        var members: [String: JSONValue] = ["user": .string(user), "host": .string(host), "pid": .number(String(pid)), "since": .string(since)]
        if let start { members["start"] = .string(start) }
        return JSONValue.object(members).text
    }

    /// Reads a lock file's bytes, this knupp's or an earlier one's (its JSONEncoder wrote the same
    /// keys, without `start`); nil when they are garbled or cut short.
    init?(fileBytes: [UInt8]) {
        guard case .object(let members)? = JSONParser.document(fileBytes), case .string(let user)? = members["user"],
              case .string(let host)? = members["host"], case .number(let pidText)? = members["pid"], let pid = Int32(pidText),
              case .string(let since)? = members["since"] else { return nil }
        var start: String?
        if case .string(let text)? = members["start"] { start = text }
        self.init(user: user, host: host, pid: pid, start: start, since: since)
    }

    /// Whether the process named is the one that wrote this lock, on this machine: `.gone` when
    /// no such process runs or its number now belongs to another (it started at another time,
    /// or, in an earlier knupp's lock, runs another program); `.alive` when it is the writer or
    /// cannot be told apart from it.
    enum Liveness { case alive, gone(String) }

    func liveness() -> Liveness {
        if kill(pid, 0) != 0 && errno == ESRCH { return .gone(L("the lock of %@, whose process is gone", "\(description)")) }
        let reused = Liveness.gone(L("the lock of %@, whose process number now belongs to another program", "\(description)"))
        if let start {
            guard let now = ProcessStart.of(pid) else { return .gone(L("the lock of %@, whose process is gone", "\(description)")) }
            return now == start ? .alive : reused
        }
        return StoreLock.runsThisProgram(pid) ? .alive : reused
    }
}
