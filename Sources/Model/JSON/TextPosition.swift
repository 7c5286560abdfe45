/// A place in a text file, for messages people can act on.
public struct TextPosition: Equatable, Sendable {
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    /// The whole line, as it is in the file.
    public var lineText: String

    /// The position of a byte offset in UTF-8 text.
    public init(offset: Int, in bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { TextPosition(offset: offset, in: $0) }
    }

    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let clamped = min(max(offset, 0), bytes.count)
        var lineStart = 0
        var line = 1
        for i in 0..<clamped where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        self.line = line
        self.column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<clamped]), as: UTF8.self).count + 1
        self.lineText = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
    }
}
