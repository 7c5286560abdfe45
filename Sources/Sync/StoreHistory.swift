import Foundation
import Model

/// Every change to the record, newest first: read from git (each commit of the store compared
/// record by record with its parent, and what is not committed yet), or, outside git, from what
/// the store itself records (who ticked what, and when).
public struct StoreHistory: Sendable {
    public struct Entry: Equatable, Sendable {
        /// When, ISO 8601 UTC: the tick's own moment where the record has it, else the commit's.
        public var moment: String
        public var officer: String
        public var change: RecordChange
        /// The commit (short hash); nil for a change not committed yet, or outside git.
        public var commit: String?
    }

    public enum Source: Equatable, Sendable {
        /// From git: the number of commits read.
        case git(commits: Int)
        /// From the store's tick records (only ticks are recorded outside git).
        case tickRecords
    }

    public var entries: [Entry]
    public var source: Source

    /// The record as it stood in the store's git history at the end of `day` in `timeZone`: the
    /// file in the last commit made by then (committer date), with the short hash; nil outside
    /// git, before the file's first commit, or when that version cannot be read (then the
    /// caller takes the record as it is, with what it dates).
    public static func record(storePath: String, endOf day: CalendarDate, in timeZone: TimeZone) -> (programme: Programme, commit: String)? {
        guard let git = Git.workTree(containing: storePath), git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).ok else { return nil }
        let path = git.relative(storePath)
        // The day's last second, written with the zone's offset that day.
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day.lastOrdinal * 86_400)))
        let sign = offset < 0 ? "-" : "+", minutes = abs(offset) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let until = "\(CalendarDate.fromOrdinal(day.lastOrdinal))T23:59:59\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
        let log = git.run(["log", "-1", "--format=%H", "--until=\(until)", "HEAD", "--", path])
        guard log.ok, let hash = log.stdout.split(separator: "\n").first.map(String.init), !hash.isEmpty,
              let data = git.blobs(["\(hash):\(path)"])["\(hash):\(path)"],
              let document = try? StoreDocument.decode(data, path: path) else { return nil }
        return (document.programme, String(hash.prefix(7)))
    }

    /// The history of the store at `storePath`, whose current contents are `current`.
    public static func load(storePath: String, current: Programme) -> StoreHistory {
        guard let git = Git.workTree(containing: storePath), git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).ok else {
            return fromTickRecords(current)
        }
        let path = git.relative(storePath)
        let log = git.run(["log", "--no-merges", "--format=%H%x1f%P%x1f%an%x1f%at", "--", path])
        guard log.ok else { return fromTickRecords(current) }
        // Every version the history compares, read by one git process rather than one per version.
        var commitsRead: [(hash: String, parents: [String], author: String, time: String)] = []
        for line in log.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            commitsRead.append((fields[0], fields[1].split(separator: " ").map(String.init), fields[2], fields[3]))
        }
        var revisions = ["HEAD"]
        for commit in commitsRead { revisions.append(commit.hash); if let parent = commit.parents.first { revisions.append(parent) } }
        let blobs = git.blobs(Array(Set(revisions)).sorted().map { "\($0):\(path)" })
        var cache: [String: Programme] = [:]
        func programme(_ revision: String) -> Programme? {
            if let hit = cache[revision] { return hit }
            guard let data = blobs["\(revision):\(path)"], let document = try? StoreDocument.decode(data, path: path) else { return nil }
            cache[revision] = document.programme
            return document.programme
        }
        var entries: [Entry] = []
        // What is saved but not committed yet.
        if let head = programme("HEAD") {
            for change in RecordChange.between(head, current) {
                entries.append(Entry(moment: change.moment ?? isoMoment(Date()), officer: change.officer ?? "(not synced yet)",
                                     change: change, commit: nil))
            }
        }
        for (hash, parents, author, time) in commitsRead {
            // The first commit is where the history starts: it adds the record, it changes nothing.
            guard let parent = parents.first, let old = programme(parent), let new = programme(hash) else { continue }
            let when = Double(time).map { isoMoment(Date(timeIntervalSince1970: $0)) } ?? ""
            for change in RecordChange.between(old, new) {
                entries.append(Entry(moment: change.moment ?? when, officer: change.officer ?? author,
                                     change: change, commit: String(hash.prefix(7))))
            }
        }
        let commits = commitsRead.count
        return StoreHistory(entries: newestFirst(entries), source: .git(commits: commits))
    }

    /// Outside git: the ticks the store records, with their officer and moment.
    public static func fromTickRecords(_ programme: Programme) -> StoreHistory {
        var entries: [Entry] = []
        // What the record dates: ticks, notes and evidence, moves of a due, moves of a phase's end.
        for entry in programme.milestoneEntries {
            let m = entry.milestone
            if m.done, let moment = m.doneAt {
                entries.append(Entry(moment: moment, officer: m.doneBy ?? "unknown",
                                     change: RecordChange(kind: .tick, id: m.id, title: m.title, officer: m.doneBy, moment: moment,
                                                          country: entry.countryID),
                                     commit: nil))
            }
            for n in m.notes {
                entries.append(Entry(moment: n.at, officer: n.by,
                                     change: RecordChange(kind: .edit, id: m.id, title: m.title, officer: n.by, moment: n.at, country: entry.countryID,
                                                          details: [RecordChange.added(n)]),
                                     commit: nil))
            }
            for c in m.dueChanges {
                entries.append(Entry(moment: c.at, officer: c.by,
                                     change: RecordChange(kind: .edit, id: m.id, title: m.title, officer: c.by, moment: c.at, country: entry.countryID,
                                                          details: [RecordChange.detail("due", c.from?.description, c.to?.description)]
                                                              + (c.reason.map { [RecordChange.why($0, of: "due")] } ?? [])),
                                     commit: nil))
            }
        }
        // A dated value's changes (a stage, a policy's status, the people a project reached).
        func dated(_ c: FieldChange, _ field: String, id: String, title: String, country: String) -> Entry {
            Entry(moment: c.at, officer: c.by,
                  change: RecordChange(kind: .edit, id: id, title: title, officer: c.by, moment: c.at, country: country,
                                       details: [RecordChange.detail(field, c.from, c.to)]
                                           + (c.on.map { ["\(field) changed on \($0)"] } ?? []) + (c.basis.map { ["basis: “\($0)”"] } ?? [])),
                  commit: nil)
        }
        for country in programme.countries {
            entries += country.stageChanges.map { dated($0, "stage", id: "country:\(country.id)", title: country.name, country: country.id) }
            for p in country.policies {
                entries += p.statusChanges.map { dated($0, "status", id: "policy:\(country.id)/\(p.id)", title: p.title, country: country.id) }
            }
            for p in country.projects {
                entries += p.peopleReachedChanges.map { dated($0, "peopleReached", id: "project:\(country.id)/\(p.id)", title: p.title, country: country.id) }
            }
        }
        // An indicator's actuals (who recorded each, when).
        for (ref, indicator) in programme.allIndicators {
            for a in indicator.actuals {
                guard let at = a.at else { continue }
                let said = "actual recorded: “\(a.value ?? a.comment ?? "")” on \(a.date)" + (a.evidence.map { " (evidence: \($0))" } ?? "")
                entries.append(Entry(moment: at, officer: a.by ?? "unknown",
                                     change: RecordChange(kind: .edit, id: "indicator:" + (ref.country.map { "\($0)/" } ?? "") + ref.id, title: indicator.title,
                                                          officer: a.by, moment: at, country: ref.country, details: [said]),
                                     commit: nil))
            }
        }
        for phase in programme.phases {
            for c in phase.endChanges {
                entries.append(Entry(moment: c.at, officer: c.by,
                                     change: RecordChange(kind: .edit, id: "phase-\(phase.number)", title: "Phase \(phase.number)", officer: c.by,
                                                          moment: c.at, details: [RecordChange.detail("planned end", c.from?.description, c.to?.description)]
                                                              + (c.reason.map { [RecordChange.why($0, of: "end")] } ?? [])),
                                     commit: nil))
            }
        }
        return StoreHistory(entries: newestFirst(entries), source: .tickRecords)
    }

    private static func newestFirst(_ entries: [Entry]) -> [Entry] {
        // By instant, not by text (offsets and fractions exist); stable: changes of one commit keep their order.
        let instants = entries.map { Moment.instant($0.moment) ?? Moment.Instant(seconds: .min, nanoseconds: 0) }
        return entries.indices.sorted { a, b in
            instants[a] != instants[b] ? instants[a] > instants[b] : a < b
        }.map { entries[$0] }
    }

    /// The entries on or after `since` (the officer's local day), of a country, by an officer.
    public func filtered(since: CalendarDate? = nil, until: CalendarDate? = nil, country: String? = nil,
                         officer: String? = nil, timeZone: TimeZone = .current) -> [Entry] {
        entries.filter { entry in
            let day = Self.day(of: entry.moment, in: timeZone)
            if let since, let day, day < since { return false }
            if let until, let day, day > until { return false }
            if let country, entry.change.country != country { return false }
            if let officer, !entry.officer.lowercased().contains(officer.lowercased()) { return false }
            return true
        }
    }

    /// The officer's local day of an ISO 8601 moment.
    public static func day(of moment: String, in timeZone: TimeZone = .current) -> CalendarDate? {
        Moment.day(moment, in: timeZone)
    }
}
