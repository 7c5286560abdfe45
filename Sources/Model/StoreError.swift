/// Why a store could not be opened or saved, worded for the officer who has to act on it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case damaged(path: String, reason: String, position: TextPosition?)
    case mergeConflict(path: String, position: TextPosition)
    case malformed(path: String, message: String, position: TextPosition)
    case invalid(path: String, field: String, message: String, position: TextPosition? = nil)
    case duplicateID(path: String, kind: String, id: String, position: TextPosition?)
    case readOnly(path: String, reason: String)
    /// The file changed on disk since it was loaded: someone else saved. Reload and apply again.
    case changedOnDisk(path: String)
    case writeFailed(path: String, reason: String)
    case exists(path: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file.\nCreate one with `knupp init --sample`, or point at another with --store PATH."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)).\nCheck the file's permissions and that the drive is reachable."
        case .empty(let path):
            return "\(path): the file is empty.\nIt was left as it is. Restore it from a backup or from git "
                + "(`git checkout -- \(path)`), or start again with `knupp init --sample --force`."
        case .damaged(let path, let reason, let position):
            let place = position.map { ":\($0.line):\($0.column)" } ?? ""
            return "\(path)\(place): the file is damaged: \(reason).\nIt was left as it is. "
                + "Restore it from a backup or from git (`git checkout -- \(path)`)."
        case .mergeConflict(let path, let position):
            return "\(path):\(position.line):\(position.column): git merge conflict markers.\n\(position.excerpt)\n"
                + "Resolve the conflict (keep one side of each <<<<<<< ======= >>>>>>> block), "
                + "then check the file with `knupp validate`."
        case .malformed(let path, let message, let position):
            return "\(path):\(position.line):\(position.column): not valid JSON: \(message).\n\(position.excerpt)\n"
                + "The file was left as it is. Fix that line in an editor, then check it with `knupp validate`."
        case .invalid(let path, let field, let message, let position):
            let place = position.map { ":\($0.line):\($0.column)" } ?? ""
            let excerpt = position.map { "\n" + $0.excerpt } ?? ""
            return "\(path)\(place): \(field): \(message).\(excerpt)\nThe file was left as it is. Fix that field, "
                + "then check it with `knupp validate`."
        case .duplicateID(let path, let kind, let id, let position):
            let place = position.map { ":\($0.line):\($0.column)" } ?? ""
            let excerpt = position.map { "\n" + $0.excerpt } ?? ""
            return "\(path)\(place): the \(kind) id “\(id)” is used twice.\(excerpt)\n"
                + "Ids must be unique: rename one of them, then check the file with `knupp validate`."
        case .readOnly(let path, let reason):
            return "\(path) is open read-only: \(reason)."
        case .changedOnDisk(let path):
            return "\(path) was changed by someone else since it was loaded; it was not overwritten."
        case .writeFailed(let path, let reason):
            return "\(path): could not save (\(reason)). The file on disk is as it was before."
        case .exists(let path):
            return "\(path) already exists; it was left as it is. Use --force to replace it."
        }
    }
}
