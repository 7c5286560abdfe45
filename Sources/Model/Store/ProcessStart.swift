import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// When a process started, as "BOOT-ID:TICKS": the boot's id and the start time in clock ticks
/// since boot (`/proc/PID/stat`, field 22). Readable for any user's process, unlike
/// `/proc/PID/exe`; together the two never name two processes.
enum ProcessStart {
    static let current: String? = of(getpid())

    static func of(_ pid: Int32) -> String? {
        guard let stat = text("/proc/\(pid)/stat"), let boot = text("/proc/sys/kernel/random/boot_id") else { return nil }
        // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Fields from the 3rd on: the 22nd is at 19.
        guard fields.count > 19, fields[19].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return boot.trimmingCharacters(in: .whitespacesAndNewlines) + ":" + fields[19]
    }

    private static func text(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
    }
}
