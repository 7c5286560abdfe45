import Foundation
import Processes
import Model
import Presentation

/// Edits text in $VISUAL or $EDITOR (default vi), with the terminal handed over.
///
/// The editor is started (`ChildProcess`, its terminal inherited) in knupp's own process group, so it is in the
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
        guard let result = ChildProcess.run(["/bin/sh", "-c", editor + " \"$1\"", "sh", path],
                                            environment: ProcessInfo.processInfo.environment, io: .inherited),
              result.status == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
