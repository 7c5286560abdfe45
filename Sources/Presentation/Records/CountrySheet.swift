import Model

/// One country as every front shows it: the same facts, in the same order, in the same words.
/// The command line prints it as text (`CountryText`); the interactive front lays it out in
/// styled lines. Neither decides again what a country's page says.
public struct CountrySheet: Sendable {
    /// How a line should stand out; each front picks its own way (colour, brackets, nothing).
    public enum Tone: Sendable { case plain, dim, good, warning, accent }

    public struct Line: Sendable {
        public var text: String
        public var tone: Tone
        /// A second, less prominent line under this one (a policy's note).
        public var detail: String?
        /// The record the line stands for, when it is one (a policy's or a project's id).
        public var id: String? = nil
    }

    public enum Content: Sendable {
        case lines([Line])
        case milestones([Milestone])
        case text(String)
    }

    public struct Section: Sendable {
        public var title: String
        public var content: Content
        /// What to say when there is nothing.
        public var whenEmpty: String?

        public var isEmpty: Bool {
            switch content {
            case .lines(let lines): lines.isEmpty
            case .milestones(let milestones): milestones.isEmpty
            case .text(let text): text.isEmpty
            }
        }
    }

    public enum Kind: Sendable { case policies, projects, counterparts, indicators, sdg11a1, funding, budgets, expenditures, milestones, phaseMilestones, events, notes }

    /// "Iran (IRN) — Islamic Republic of Iran".
    public var heading: String
    public var name: String
    /// "Phase 1, 2017–2022 · national · 2/3 milestones done".
    public var summary: String
    public var stage: NUPStage?
    public var stageBasis: String?
    public var sections: [(kind: Kind, section: Section)]

    public init(country c: Country, programme: Programme, today: CalendarDate) {
        name = c.name
        heading = "\(c.name) (\(c.id))" + (c.officialName.map { " — \($0)" } ?? "")
        let progress = MilestoneProgress.of(c.milestones)
        let phaseMilestones = programme.phase(c.phase)?.milestones ?? []
        let shared = MilestoneProgress.of(phaseMilestones)
        let period = programme.phase(c.phase).map { ", \($0.periodText)" } ?? ""
        summary = L("Phase %@", "\(c.phase)") + "\(period) · \(c.scope.level == .national ? L("national") : L("sub-national:") + " " + c.scope.label)"
            + " · " + L("its own milestones %@ done", "\(progress.done)/\(progress.total)")
            + (phaseMilestones.isEmpty ? "" : " · " + L("the phase's, which cover it too, %@", "\(shared.done)/\(shared.total)"))
        stage = c.stage
        stageBasis = c.stageBasis
        let policies = c.policies.map { p in
            Line(text: "\(p.title): \(p.status.text)", tone: p.status == .adopted || p.status == .endorsed ? .good : .warning,
                 detail: p.note, id: p.id)
        }
        let projects = c.projects.map { p in
            Line(text: p.title, tone: .plain, detail: p.peopleReached.map { L("%@ people reached", Format.number($0)) }, id: p.id)
        }
        sections = [
            (.policies, Section(title: L("Policy documents"), content: .lines(policies), whenEmpty: L("none recorded"))),
            (.projects, Section(title: L("Demonstration projects"), content: .lines(projects), whenEmpty: L("none recorded"))),
            (.indicators, Section(title: L("Indicators"), content: .lines(CountrySheet.indicatorLines(c, today: today)), whenEmpty: L("none recorded"))),
            (.sdg11a1, Section(title: "SDG 11.a.1", content: .lines(CountrySheet.sdgLines(c, today: today)), whenEmpty: nil)),
            (.funding, Section(title: L("Funding"), content: .lines(c.funding.map { Line(text: $0, tone: .plain) }), whenEmpty: nil)),
        ]
        let budgets = programme.budgets.filter { $0.country == c.id }, spent = programme.expenditures.filter { $0.country == c.id }
        if !c.counterparts.isEmpty {
            sections.insert((.counterparts, Section(title: L("Government counterparts"), content: .lines(c.counterparts.map {
                Line(text: "\($0.name) (\($0.role.text))", tone: .plain, id: $0.id)
            }), whenEmpty: nil)), at: 2)
        }
        if !budgets.isEmpty || !spent.isEmpty {
            let totals = FundingSummary.of(budgets, spent, asOf: today).map { Line(text: $0.sentence, tone: .accent) }
            sections.append((.budgets, Section(title: L("Budgets"), content: .lines(totals + budgets.map { b in
                Line(text: "\(b.periodStart)–\(b.periodEnd): \(b.currency) \(FundingSummary.amount(b.value)) (\(b.type.text), \(b.status.text))",
                     tone: .plain, detail: b.note, id: b.id)
            }), whenEmpty: nil)))
            sections.append((.expenditures, Section(title: L("Expenditures"), content: .lines(spent.sorted { $0.date < $1.date }.map { e in
                Line(text: "\(e.date): \(e.currency) \(FundingSummary.amount(e.value))", tone: .plain, detail: e.note, id: e.id)
            }), whenEmpty: L("none recorded"))))
        }
        // By the phase of the NUP process as soon as one milestone has one (a template applied).
        sections += StageGroups.group(c.milestones, stage: { $0.stage?.rawValue }).map { group in
            (.milestones, Section(title: group.title.map { L("Milestones") + " · \($0)" } ?? L("Milestones"), content: .milestones(group.items), whenEmpty: L("none yet")))
        }
        sections += [
            (.phaseMilestones, Section(title: L("Phase %@ milestones (of the phase as a whole, this country among its countries)", "\(c.phase)"),
                                       content: .milestones(phaseMilestones), whenEmpty: nil)),
            (.events, Section(title: L("Events"), content: .lines(programme.events(concerning: c.id).map {
                Line(text: "\($0.date) \($0.title)", tone: .plain)
            }), whenEmpty: nil)),
            (.notes, Section(title: L("Notes"), content: .text(c.notes), whenEmpty: L("none"))),
        ]
    }

    /// The five NUP stages with the current one marked: "feasibility > [diagnosis] > …".
    public static func stageStrip(_ stage: NUPStage?) -> String {
        guard let stage else { return L("unknown (the record does not say)") }
        return NUPStage.allCases.map { $0 == stage ? "[\($0.text)]" : $0.text }.joined(separator: " > ")
    }
}
