import Model
import Foundation
import Presentation
#if canImport(Glibc)
import Glibc
#endif

/// Where command output goes: results to stdout, errors to stderr, through write(2).
///
/// Foundation's FileHandle.write traps when a write fails (a full disk, a closed pipe); here a
/// closed pipe (`knupp milestones | head`) ends the program quietly, and any other failure ends
/// it with status 1 and a message on stderr where one can still be written. No lock is held
/// outside a save, so ending here never leaves one behind.
enum Output {
    static func print(_ text: String, newline: Bool = true) {
        emit(text + (newline && !text.hasSuffix("\n") ? "\n" : ""), to: STDOUT_FILENO)
    }

    /// UTF-8 text already built as bytes (a large table), with a final newline.
    static func print(bytes: [UInt8]) {
        var bytes = bytes
        if bytes.last != 0x0A { bytes.append(0x0A) }
        emit(bytes, to: STDOUT_FILENO)
    }

    /// Bytes as they are, a piece of a longer output (a report written as it is made).
    static func print(raw: UnsafeRawBufferPointer) {
        guard let failure = write(raw, to: STDOUT_FILENO) else { return }
        failed(failure, on: STDOUT_FILENO)
    }

    /// Ends a read-only command once its output is written, before its programme and rows are
    /// freed one record at a time: at 20,000 milestones that is milliseconds of work the kernel
    /// does anyway when the process ends. Only for a command that holds no lock and has nothing
    /// left to finish.
    static func finish() -> Never {
        exit(0)
    }

    /// A message on stderr. Every line passes the sanitiser: a message may quote a hostile id, a
    /// lock file's contents or an environment variable.
    static func error(_ text: String) {
        emit("knupp: " + safe(text) + "\n", to: STDERR_FILENO)
    }

    private static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).clean }.joined(separator: "\n")
    }

    /// A word about what was done, on stderr so that stdout stays the result.
    static func note(_ text: String) {
        emit(safe(text) + "\n", to: STDERR_FILENO)
    }

    private static func emit(_ text: String, to fd: Int32) {
        emit(Array(text.utf8), to: fd)
    }

    private static func emit(_ bytes: [UInt8], to fd: Int32) {
        guard let failure = write(bytes, to: fd) else { return }
        failed(failure, on: fd)
    }

    /// What a failed write of output ends in.
    private static func failed(_ failure: Int32, on fd: Int32) {
        // Nobody reads the messages any more: the command goes on and ends with its own status
        // (a failure stays a failure under `2>&1 | true`).
        if failure == EPIPE && fd == STDERR_FILENO { return }
        // Nobody reads the results any more (`knupp milestones | head`): done, quietly.
        if failure == EPIPE { exit(0) }
        if fd != STDERR_FILENO {
            _ = write(Array(("knupp: " + L("could not write the output: %@", String(cString: strerror(failure))) + "\n").utf8), to: STDERR_FILENO)
        }
        exit(ExitStatus.failure)
    }

    /// Writes all of `bytes`; the errno of a failure, or nil.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { write($0, to: fd) }
    }

    static func write(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// The width of the terminal stdout goes to, or nil when it is piped (then nothing is cut).
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
