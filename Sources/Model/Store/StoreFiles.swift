import Foundation

/// The files that belong to a store: the store itself, its lock, a save's temporary file, a
/// lock being created or moved aside, and the backups `init --force` keeps. Nothing a user
/// names as an output (a report) may be one of them.
public enum StoreFiles {
    /// True when `candidate`, once symlinks are followed, is the store at `store` or one of its files.
    public static func belongsToStore(_ candidate: String, store: String) -> Bool {
        let target = resolveForWriting(candidate)
        let real = AtomicFile.resolve(store)
        if target == real || target == real + ".lock" { return true }
        if target.hasPrefix(real + ".lock.") || target.hasPrefix(real + ".backup-") { return true }
        let folder = AtomicFile.folder(of: real), name = (real as NSString).lastPathComponent
        return AtomicFile.folder(of: target) == folder && (target as NSString).lastPathComponent.hasPrefix(".\(name).tmp-")
    }

    /// Where writing `path` would land: the real file behind it, or for a file not there yet,
    /// its name in the real folder.
    static func resolveForWriting(_ path: String) -> String {
        if AtomicFile.exists(path) { return AtomicFile.resolve(path) }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let folder = AtomicFile.resolve(AtomicFile.folder(of: absolute))
        return folder + "/" + (absolute as NSString).lastPathComponent
    }
}
