#if canImport(Glibc)
import Glibc
#endif

/// One version of a file as the file system tells it apart: the same inode on the same device,
/// with the same size and modification time (to the nanosecond). A program that renames a new
/// file over the store gives it another inode; one that writes into it changes its time or size.
public struct FileIdentity: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev); inode = UInt64(info.st_ino); size = Int64(info.st_size)
        modifiedSeconds = info.st_mtim.tv_sec; modifiedNanoseconds = info.st_mtim.tv_nsec
    }

    /// The same file, whatever was written to it since.
    func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}
