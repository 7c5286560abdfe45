import Foundation
import Model

/// K-NUPP's IATI 2.03 activity file (docs/REPORT.md has the mapping): one activity per phase
/// (hierarchy 1) and one per country of that phase (hierarchy 2), linked by related-activity,
/// from the record and the IATI settings it keeps (`programme.iati`). Nothing is invented: a
/// value IATI requires that the record does not hold stops the export, naming the command that
/// supplies it. The same record and day give the same bytes.
public enum IATIExport {
    public struct Options: Sendable {
        public var phase: Int?
        public var childrenOnly: Bool
        /// The day the file is made (its generated-datetime); actual dates after it are refused.
        public var today: CalendarDate
        /// The record as it stood on a day (later expenditures and results left out).
        public var asOf: CalendarDate?
        public var timeZone: TimeZone

        public init(phase: Int? = nil, childrenOnly: Bool = false, today: CalendarDate, asOf: CalendarDate? = nil, timeZone: TimeZone) {
            self.phase = phase; self.childrenOnly = childrenOnly; self.today = today; self.asOf = asOf; self.timeZone = timeZone
        }
    }

    /// A value the export needs and the record lacks (or holds wrongly), and what supplies it.
    public struct Missing: Equatable, Sendable, CustomStringConvertible {
        public var what: String
        public var fix: String
        public var description: String { fix.isEmpty ? what : "\(what): \(fix)" }
    }

    /// What stops an export of `programme` with `options`; empty when it can be written.
    public static func missing(_ programme: Programme, _ options: Options) -> [Missing] {
        var out: [Missing] = []
        func lack(_ what: String, _ fix: String) { out.append(Missing(what: what, fix: fix)) }
        let iati = programme.iati ?? IATISettings()
        if iati.reportingOrg == nil {
            lack(L("reporting-org: the organisation that publishes the file"), "knupp iati set reporting-org REF TYPE NAME")
        }
        if let prefix = iati.identifierPrefix {
            if let ref = iati.reportingOrg?.ref, !prefix.hasPrefix(ref) {
                lack(L("the identifier prefix “%@” does not start with the reporting organisation's ref “%@”", prefix, ref), "knupp iati set identifier-prefix \(ref)-…")
            }
        } else {
            lack(L("the identifier prefix of the activities (it starts with the reporting organisation's ref)"), "knupp iati set identifier-prefix PREFIX")
        }
        if iati.sector == nil { lack(L("the sector (a DAC 5-digit code)"), "knupp iati set sector CODE") }
        for partner in programme.partners where (iati.partner(partner.id)?.roles ?? []).isEmpty {
            lack(L("the role of the partner %@ (%@)", partner.id, partner.name), "knupp iati set role \(partner.id) funding|accountable|extending|implementing")
        }
        if programme.partners.isEmpty && programme.countries.allSatisfy({ $0.counterparts.isEmpty }) {
            lack(L("a participating organisation: the programme has no partner"), "knupp add partner --id ID --name NAME")
        }
        let phases = programme.phases.filter { options.phase == nil || $0.number == options.phase }
        if let n = options.phase, phases.isEmpty { lack(L("there is no phase %@", "\(n)"), "") }
        for phase in phases {
            if phase.end.lastOrdinal < phase.start.firstOrdinal {
                lack(L("phase %@ ends (%@) before it starts (%@)", "\(phase.number)", "\(phase.end)", "\(phase.start)"), "knupp phase end \(phase.number) DAY")
            }
            for (date, name) in [(phase.implementationStart, L("actual start")), (phase.actualEnd, L("actual end"))] {
                if let date, date.firstOrdinal > options.today.lastOrdinal {
                    lack(L("phase %@'s %@ %@ is after today (%@): an actual date has come", "\(phase.number)", name, "\(date)", "\(options.today)"), "")
                }
            }
            let members = programme.countries(inPhase: phase.number)
            for country in members where ISOCodes.alpha2[country.id] == nil {
                lack(L("%@'s id is not an ISO 3166 alpha-3 code, so IATI cannot name the country", country.id), "")
            }
            guard !options.childrenOnly else { continue }
            let shares = iati.phase(phase.number)?.shares ?? []
            if shares.isEmpty {
                lack(L("phase %@'s recipient countries' shares (they sum to 100), or --children-only", "\(phase.number)"),
                     "knupp iati set share \(phase.number) " + members.map { "\($0.id)=PCT" }.joined(separator: " "))
            } else {
                let sum = shares.compactMap { Decimal(string: $0.percentage) }.reduce(Decimal(0), +)
                if sum != 100 {
                    lack(L("phase %@'s country shares sum to %@, not 100", "\(phase.number)", "\(sum)"),
                         "knupp iati set share \(phase.number) " + shares.map { "\($0.country)=\($0.percentage)" }.joined(separator: " "))
                }
            }
        }
        for (ref, indicator) in indicators(of: programme) where indicator.resultType == nil {
            lack(L("the result type of the indicator %@", indicator.id), "knupp set indicator:\(ref) resultType=output|outcome|impact")
        }
        return out
    }

    /// What an export lacks, every point of it.
    public struct Lacking: Error, Sendable { public var missing: [Missing] }

    /// The activity file, or what it lacks.
    public static func xml(_ record: Programme, _ options: Options) -> Swift.Result<String, Lacking> {
        let lacking = missing(record, options)
        guard lacking.isEmpty else { return .failure(Lacking(missing: lacking)) }
        let programme = options.asOf.map { record.asOf($0, in: options.timeZone) } ?? record
        let iati = programme.iati ?? IATISettings()
        let prefix = iati.identifierPrefix ?? ""
        var x = XMLText()
        x.element("iati-activities", [("version", "2.03"), ("generated-datetime", "\(options.today)T00:00:00Z")]) { x in
            for phase in programme.phases.sorted(by: { $0.number < $1.number }) where options.phase == nil || phase.number == options.phase {
                let parentID = "\(prefix)-P\(phase.number)"
                let members = programme.countries(inPhase: phase.number).sorted { $0.id < $1.id }
                if !options.childrenOnly {
                    var a = Activity(id: parentID, hierarchy: 1, title: phase.title, description: programme.summary, phase: phase, scope: 3)
                    a.orgs = partnerOrgs(programme, iati)
                    a.recipients = (iati.phase(phase.number)?.shares ?? []).sorted { $0.country < $1.country }
                        .map { (ISOCodes.alpha2[$0.country] ?? $0.country, $0.percentage) }
                    a.budgets = programme.budgets.filter { $0.phase == phase.number && $0.country == nil }
                    a.spent = programme.expenditures.filter { $0.phase == phase.number && $0.country == nil }
                    a.documents = documents(phase.milestones)
                    a.related = members.map { ("\(parentID)-\($0.id)", 2) }
                    a.results = programme.indicators.filter { home(of: $0, in: programme)?.number == phase.number }.map { ActivityResult.indicator($0) }
                    a.write(into: &x, programme: programme, iati: iati, options: options)
                }
                for country in members {
                    let description = [country.officialName ?? country.name, country.notes].filter { !$0.isEmpty }.joined(separator: "\n\n")
                    var a = Activity(id: "\(parentID)-\(country.id)", hierarchy: 2, title: "\(phase.title) — \(country.name)",
                                     description: description, phase: phase, scope: country.scope == .national ? 4 : 6)
                    a.orgs = partnerOrgs(programme, iati) + country.counterparts.sorted { $0.id < $1.id }.map { counterpart in
                        Org(ref: nil, type: 10, role: counterpart.role == .lead ? 2 : (counterpart.role == .funding ? 1 : 4), name: counterpart.name)
                    }
                    a.recipients = [(ISOCodes.alpha2[country.id] ?? country.id, nil)]
                    a.budgets = programme.budgets.filter { $0.country == country.id }
                    a.spent = programme.expenditures.filter { $0.country == country.id }
                    a.documents = documents(country.milestones)
                    a.related = [(parentID, 1)]
                    a.results = country.indicators.map { ActivityResult.indicator($0) } + (country.sdg11a1.isEmpty ? [] : [ActivityResult.sdg(country)])
                    a.write(into: &x, programme: programme, iati: iati, options: options)
                }
            }
        }
        return .success(x.text)
    }

    /// Every indicator with how `knupp set` names it.
    static func indicators(of programme: Programme) -> [(String, Indicator)] {
        programme.indicators.map { ($0.id, $0) } + programme.countries.flatMap { c in c.indicators.map { ("\(c.id)/\($0.id)", $0) } }
    }

    /// The phase a programme indicator is reported under: the one whose period holds its first
    /// value (the baseline, else its first target or actual), else the last phase.
    static func home(of indicator: Indicator, in programme: Programme) -> Phase? {
        let first = ([indicator.baseline].compactMap { $0 } + indicator.targets + indicator.actuals).map(\.date).min()
        let phases = programme.phases.sorted { $0.number < $1.number }
        guard let first else { return phases.last }
        return phases.last { $0.start.firstOrdinal <= first.firstOrdinal && first.firstOrdinal <= $0.end.lastOrdinal } ?? phases.last
    }

    static func partnerOrgs(_ programme: Programme, _ iati: IATISettings) -> [Org] {
        programme.partners.flatMap { partner in
            (iati.partner(partner.id)?.roles ?? []).map { Org(ref: iati.partner(partner.id)?.ref, type: iati.partner(partner.id)?.type, role: $0.code, name: partner.name) }
        }
    }

    /// The http(s) evidence of milestones, each once: a milestone's evidence and its evidence notes.
    static func documents(_ milestones: [Milestone]) -> [(url: String, title: String)] {
        var seen = Set<String>(), out: [(url: String, title: String)] = []
        for m in milestones {
            for text in [m.evidence] + m.notes.filter({ $0.kind == .evidence }).map(\.text) {
                guard let url = webLink(text), seen.insert(url).inserted else { continue }
                out.append((url, m.title))
            }
        }
        return out
    }

    /// Evidence that is a web address (http or https, one word) as a document-link takes it; nil otherwise.
    static func webLink(_ text: String?) -> String? {
        guard let url = text?.trimmingCharacters(in: .whitespacesAndNewlines), url.hasPrefix("https://") || url.hasPrefix("http://"),
              !url.contains(where: \.isWhitespace) else { return nil }
        return url
    }

    /// IATI's FileFormat (a MIME type) from a link's file ending; a web page otherwise.
    static func format(of url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let ending = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }.map { $0.lowercased() } ?? ""
        switch ending {
        case "pdf": return "application/pdf"
        case "doc": return "application/msword"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": return "application/vnd.ms-excel"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "csv": return "text/csv"
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        default: return "text/html"
        }
    }
}
