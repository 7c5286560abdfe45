import Foundation
import Model
import Presentation

/// Edits text in $VISUAL or $EDITOR (default vi), with the terminal handed over.
///
/// The editor is started with posix_spawn in knupp's own process group, so it is in the
/// terminal's foreground group and owns the keyboard (vim reads its input, Ctrl-C reaches it);
/// knupp waits for it without reading a key, so nothing typed for the editor acts in knupp.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-\(getpid())-\(UUID().uuidString).txt").path
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        // The editor command may carry flags ("code -w"); the file is passed as "$1".
        let command: String = editor + " \"$1\""
        let words: [String] = ["/bin/sh", "-c", command, "sh", path]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The editor starts with default signal handling and nothing blocked, whatever knupp set.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in Runtime.terminatingSignals { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0 (macros Swift cannot import).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
