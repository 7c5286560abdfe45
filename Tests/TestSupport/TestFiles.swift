import Foundation
import Model

/// The package's root folder, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped sample file.
public let samplePath = packageRoot.appendingPathComponent("sample-data/knupp.json").path

/// The day and moment tests take as now: 2026-11-28, 10:00 UTC.
public let fixedToday = CalendarDate.fromOrdinal(CalendarDate.ordinal(year: 2026, month: 11, day: 28))
public let fixedNow = Date(timeIntervalSince1970: 1_795_860_000)

/// The shipped sample programme.
public func loadSample() throws -> Programme {
    try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath).programme
}

/// A day written as text in a test ("2026-11-28").
public func day(_ text: String) -> CalendarDate {
    CalendarDate(text) ?? CalendarDate.fromOrdinal(0)
}

/// Another officer's save, arriving through the file (a git pull, a shared drive): `edit`
/// applied to what is on disk, written as `revision` (the next one by default).
public func writeAsAnotherOfficer(_ path: String, revision: Int? = nil, _ edit: Edit) throws {
    var theirs = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    try theirs.programme.apply(edit)
    theirs.revision = revision ?? theirs.revision + 1
    try theirs.encoded().write(to: URL(fileURLWithPath: path))
}
