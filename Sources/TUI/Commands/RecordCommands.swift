import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp set`, `knupp add`, `knupp remove`, `knupp list`: every record of the programme other
/// than a milestone, kept with the same engine (`Programme.setRecord` and its kin, driven by
/// the store's tables of fields), each change one edit, as a tick is: lock-safe, merged by
/// sync, listed by `knupp log`, undone in the front with `u`.
enum RecordCommand {
    /// The one record an officer's word names, or a NotFound that lists the candidates.
    static func resolve(_ query: String, in programme: Programme) throws -> RecordRef {
        let found = programme.findRecords(query)
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw NotFound(message: L("No record “%@”. Name it by its id (`knupp list KIND` lists them), as KIND:ID to say which kind (event:…, phase:2), or COUNTRY/ID for a policy or project.", query.clean))
        }
        throw NotFound(message: L("“%@” could be %@. Name it as KIND:ID or type more of it.", query.clean, found.prefix(8).map(\.description).joined(separator: ", ")
                       + (found.count > 8 ? " " + L("and %@ more", "\(found.count - 8)") : "")))
    }

    /// The typed values of `FIELD=VALUE` pairs, checked against the kind's fields.
    static func values(_ pairs: [(String, String)], kind: RecordKind, adding: Bool) throws -> [String: JSONValue] {
        let fields = Programme.fields(of: kind)
        var values: [String: JSONValue] = [:]
        var given = Set<String>()
        for (key, typed) in pairs {
            guard given.insert(key.lowercased()).inserted else {
                throw ValidationError(L("%@ is given twice; give each field once.", key.clean))
            }
            guard let field = fields.first(where: { $0.key == key }) ?? fields.first(where: { $0.key.lowercased() == key.lowercased() }) else {
                throw ValidationError(L("%@ has no field “%@”; its fields: %@.", kind.title, key.clean, settable(kind).joined(separator: ", ")))
            }
            if field.key == "id" || field.key == "number" {
                throw ValidationError(L("The %@ of a %@ is how it is named:", field.key, kind.noun) + " " + (adding ? L("give it as %@.", "--\(field.key)") : L("it cannot be changed.")))
            }
            if case .records = field.kind {
                throw ValidationError(L("%@ %@ holds records of their own:", kind.noun, field.key) + " "
                                      + (field.key == "milestones" ? L("add them with the front's `a` or `knupp add`.") : L("add and remove them as records (%@).", "`knupp add \(field.key == "policies" ? "policy" : "project") …`")))
            }
            switch field.kind.value(from: typed, required: field.required) {
            case .success(let value): values[field.key] = value
            case .failure(let error): throw ValidationError("\(kind.noun) \(field.key): \(error.message).")
            }
        }
        return values
    }

    /// The fields an officer sets, with how each is typed.
    static func settable(_ kind: RecordKind) -> [String] {
        Programme.fields(of: kind).compactMap { field in
            if field.key == "id" || field.key == "number" { return nil }
            if case .records = field.kind { return nil }
            return field.key
        }
    }

    static func fieldHelp(_ kind: RecordKind) -> String {
        Programme.fields(of: kind).compactMap { field in
            if case .records = field.kind { return nil }
            return "  \(field.key)\(field.required ? "" : " " + L("(may be none)")): \(field.kind.hint)"
        }.joined(separator: "\n")
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change fields of a country, policy, project, event, publication, contact, partner, prospect, goal, phase, indicator, budget, expenditure or counterpart.",
        discussion: """
            RECORD is an id (or the start of one), KIND:ID to say which kind, or COUNTRY/ID for a policy or project.
            A value of “none” takes an optional field away. Examples:
              knupp set MOZ stage=implementation --on 2026-05-20 stageBasis="NUP approved by the Council of Ministers"
              knupp set MOZ name=Mozambique officialName="Republic of Mozambique" scope=national
              knupp set policy:MOZ/moz-nup status=adopted
              knupp set project:NGA/nga-p1 peopleReached=1200
              knupp set event:ev-2023-forum title="Urban Forum" date=2023-05-20 participants=150
              knupp set publication:pub-1 title="NUP guide" summary="…"
              knupp set contact:remy-sietchiping title="Chief, Policy section"
              knupp set partner:molit name="MOLIT"
              knupp set prospect:LBR note="Asked in 2025"
              knupp set goal:sdg-11 detail="…"
              knupp set phase:2 title="Phase 2" launch=2022-10
              knupp set indicator:MOZ/moz-plans title="Municipal plans adopted" resultType=outcome
              knupp set budget:b-2024 value=260000 type=revised status=committed
              knupp set expenditure:e-2024-03 note="Validation workshop"
              knupp set counterpart:MOZ/moz-mtop role=implementing
            (An indicator's baseline, targets and actuals: `knupp indicator baseline|target|actual`.)
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The record: an id, KIND:ID, or COUNTRY/ID.", valueName: "record"), completion: .custom(Completion.records))
    var record: String

    @Argument(help: ArgumentHelp("FIELD=VALUE pairs.", valueName: "field=value"))
    var assignments: [String] = []

    @Option(help: "For a country's stage, a policy's status or a project's people reached: the day it changed (YYYY-MM-DD, YYYY-MM or YYYY); today when left out.")
    var on: String?

    func run() throws {
        try Context.run(global) { context in
            if assignments.isEmpty { throw ValidationError(L("Give at least one FIELD=VALUE (`knupp help set` lists examples).")) }
            for a in assignments where !a.contains("=") { throw ValidationError(L("“%@” is not FIELD=VALUE.", a.clean)) }
            if let on, CalendarDate(on) == nil { throw ValidationError(L("--on “%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", on.clean)) }
            _ = try context.recordingOfficer()
            let day = on.flatMap(CalendarDate.init)
            if let day, day.firstOrdinal > context.today.lastOrdinal {
                throw ValidationError(L("--on %@ is after today (%@): a value changes on a day that has come.", "\(day)", "\(context.today)"))
            }
            let pairs = assignments.map { a -> (String, String) in
                let i = a.firstIndex(of: "=")!
                return (String(a[..<i]), String(a[a.index(after: i)...]))
            }
            try MilestoneCommit.commitWhole(context) { programme in
                let ref = try RecordCommand.resolve(record, in: programme)
                let values = programme.namingCountries(try RecordCommand.values(pairs, kind: ref.kind, adding: false))
                try Programme.refuseFuture(ref.kind, values, today: context.today)
                let (members, _) = try programme.members(of: ref)
                // The same dated value with --on re-dates the change that made it.
                let redating = day != nil && Programme.datedFields[ref.kind].map { values[$0.field] != nil } == true
                if !redating, values.allSatisfy({ members[$0.key] == $0.value || ($0.value == .null && members[$0.key] == nil) }) {
                    return (nil, "\(ref) already says so.")
                }
                return (.setRecord(ref, values, RecordWrite(by: context.officer, at: isoMoment(context.now), on: day)), nil)
            }
        }
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a country, policy, project, event, publication, contact, partner, prospect, goal, phase, indicator, budget, expenditure or counterpart.",
        discussion: """
            Fields are given as --FIELD VALUE; --id names the record (--number for a phase), --country the country of a policy, project or counterpart (a budget's or an expenditure's, if it has one); --on the day a stage, a status or the people reached were so (today when left out). Examples:
              knupp add country --id TST --name Testland --phase 2 --scope national
              knupp add policy --country MOZ --id moz-nup-2 --title "National Urban Policy" --status draft
              knupp add project --country NGA --id nga-p2 --title "Minna pilot" --peopleReached 500
              knupp add event --id ev-2026-05 --date 2026-05-20 --title "Validation workshop" --summary "…" --countries MOZ,PRY
              knupp add publication --id pub-2 --title "NUP guide" --summary "How to formulate a National Urban Policy"
              knupp add contact --id jane-doe --name "Ms. Jane Doe" --title "Programme officer" --unit "Urban Practices Branch"
              knupp add partner --id kiat --name "KIAT"
              knupp add prospect --id KEN --name Kenya --note "Asked in 2025"
              knupp add goal --id g2 --title "SDG 11.a"
              knupp add phase --number 3 --title "Phase 3" --start 2027 --end 2030 --endIsExpected yes
              knupp add indicator --country MOZ --id moz-plans --title "Municipal plans" --measure unit --ascending yes --aggregate no
              knupp add budget --id b-2024 --phase 2 --country MOZ --periodStart 2024-01-01 --periodEnd 2024-12-31 --value 250000 --currency USD --valueDate 2024-01-01 --type original --status indicative
              knupp add expenditure --id e-2024-03 --phase 2 --country MOZ --date 2024-03-31 --value 12500.50 --currency USD
              knupp add counterpart --country MOZ --id moz-mtop --name "Ministry of Public Works" --role lead
            Without --id, one is made from the title or name (knupp add event --date 2026-05-20 --title "Validation workshop").
            (An indicator is also added by `knupp indicator add`; without --country it is the programme's.)
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("What to add: " + RecordKind.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "kind"))
    var kind: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("--FIELD VALUE pairs (`knupp help add`).", valueName: "--field value"))
    var fields: [String] = []

    func run() throws {
        try Context.run(global) { context in try add(context) }
    }

    private func add(_ context: Context) throws {
        guard let kind = RecordKind(word: kind) else {
            throw ValidationError(L("“%@” is not a kind of record; add one of: %@.", self.kind.clean, RecordKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var pairs: [(String, String)] = []
        var id: String?, country: String?, on: String?
        var i = 0
        while i < fields.count {
            let flag = fields[i]
            guard flag.hasPrefix("--") else { throw ValidationError(L("“%@”: give fields as --FIELD VALUE.", flag.clean)) }
            var name = String(flag.dropFirst(2)), value: String
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...]); name = String(name[..<eq]); i += 1
            } else {
                guard i + 1 < fields.count else { throw ValidationError(L("%@ needs a value.", flag)) }
                value = fields[i + 1]; i += 2
            }
            switch name {
            case "id", "number": id = value
            case "on" where Programme.datedFields[kind] != nil: on = value
            case "country" where kind.mayBelongToCountry: country = value
            default: pairs.append((name, value))
            }
        }
        let day = try on.map { typed throws -> CalendarDate in
            guard let day = CalendarDate(typed) else { throw ValidationError(L("--on “%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", typed.clean)) }
            guard day.firstOrdinal <= context.today.lastOrdinal else {
                throw ValidationError(L("--on %@ is after today (%@): a value changes on a day that has come.", "\(day)", "\(context.today)"))
            }
            return day
        }
        // Without an id, one is made from the title or name (a country's is its ISO code, a phase's its number: given).
        let made = id == nil
        if id == nil, kind != .country, kind != .phase, let words = pairs.first(where: { ["title", "name"].contains($0.0) })?.1 {
            id = Programme.slug(words)
        }
        // Money has no title: "budget-2024-01-01", "expenditure-2024-03-31".
        if id == nil, let day = pairs.first(where: { $0.0 == (kind == .budget ? "periodStart" : "date") && (kind == .budget || kind == .expenditure) })?.1 {
            id = Programme.slug("\(kind.rawValue) \(day)")
        }
        guard let id else { throw ValidationError(L("Give the new %@'s %@.", kind.noun, kind == .phase ? "--number" : "--id") + "\n" + L("Its fields:") + "\n" + RecordCommand.fieldHelp(kind)) }
        if kind.belongsToCountry && country == nil { throw ValidationError(L("Give the country of the %@: --country ID.", kind.noun)) }
        let values = try RecordCommand.values(pairs, kind: kind, adding: true)
        let missing = Programme.fields(of: kind).filter { field in
            guard field.required, field.key != "id", field.key != "number", values[field.key] == nil else { return false }
            switch field.kind { case .text, .date, .number, .amount, .word, .scope: return true; default: return false }
        }.map(\.key).filter { !(kind == .country && $0 == "notes") && !(kind == .event && $0 == "summary") && $0 != "endIsExpected" && !(kind == .country && $0 == "scope") }
        if !missing.isEmpty {
            throw ValidationError(L("A new %@ needs %@.", kind.noun, missing.map { "--\($0)" }.joined(separator: ", ")) + "\n" + L("Its fields:") + "\n" + RecordCommand.fieldHelp(kind))
        }
        do {
            _ = try context.recordingOfficer()
            try MilestoneCommit.commitWhole(context) { programme in
                let id = made ? programme.freeID(id, kind, country: country.flatMap { c in programme.countries.first { $0.id.lowercased() == c.lowercased() }?.id }) : id
                let values = Programme.dating(kind, programme.namingCountries(values), RecordWrite(by: context.officer, at: isoMoment(context.now), on: day))
                try Programme.refuseFuture(kind, values, today: context.today)
                var ref = RecordRef(kind, id, country: country)
                if let country {
                    guard let c = programme.countries.first(where: { $0.id.lowercased() == country.lowercased() }) else {
                        throw NotFound(message: L("No country “%@”.", country.clean) + " " + L("List them with %@.", "`knupp countries`"))
                    }
                    ref.country = c.id
                }
                return (.addRecord(ref, values, at: nil), nil)
            }
        }
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a country, policy, project, event, publication, contact, partner, prospect, goal, phase, indicator, budget, expenditure or counterpart.",
        discussion: """
            A country or a phase that still has milestones stays (remove those first: nothing ticked goes unseen). Examples:
              knupp remove country:TST   (or knupp remove TST)
              knupp remove policy:MOZ/moz-nup-2
              knupp remove project:NGA/nga-p2
              knupp remove event:ev-2026-05
              knupp remove publication:pub-2
              knupp remove contact:jane-doe
              knupp remove partner:kiat
              knupp remove prospect:KEN
              knupp remove goal:g2
              knupp remove phase:3
              knupp remove indicator:MOZ/moz-plans
              knupp remove budget:b-2024
              knupp remove expenditure:e-2024-03
              knupp remove counterpart:MOZ/moz-mtop
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The record: an id, KIND:ID, or COUNTRY/ID.", valueName: "record"), completion: .custom(Completion.records))
    var record: String

    func run() throws {
        try Context.run(global) { context in
            _ = try context.recordingOfficer()
            try MilestoneCommit.commitWhole(context) { programme in
                (.removeRecord(try RecordCommand.resolve(record, in: programme)), nil)
            }
        }
    }
}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the records of a kind with their ids (what set and remove take).",
        discussion: "Kinds: " + RecordKind.allCases.map(\.rawValue).joined(separator: ", ") + ". Example: knupp list event")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The kind of record.", valueName: "kind"))
    var kind: String

    func run() throws {
        try Context.run(global) { context in
            guard let kind = RecordKind(word: kind) else {
                throw ValidationError(L("“%@” is not a kind of record: %@.", self.kind.clean, RecordKind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let programme = try context.programme()
            let refs = programme.refs(of: kind)
            if refs.isEmpty { Output.print(L("No %@ in the record. Add one with %@ (`knupp help add`).", kind.pluralText, "`knupp add \(kind.rawValue) …`")) }
            for ref in refs {
                Output.print((ref.country.map { "\($0)/" } ?? "") + ref.id + "  " + programme.recordName(ref).clean)
            }
        }
    }
}
