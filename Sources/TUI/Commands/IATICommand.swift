import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp iati set|check|export`: what IATI needs that the record does not say, kept in the store
/// (`programme.iati`, synced, so every officer exports the same identifiers), and the activity file.
struct IATICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iati", abstract: "Publish to IATI: the settings IATI needs, what is missing, and the activity file (IATI 2.03).",
        discussion: """
            From settings to a valid file:
              knupp iati set reporting-org XM-DAC-41120 multilateral "UN-Habitat"   (confirm your organisation's ref)
              knupp iati set identifier-prefix XM-DAC-41120-KNUPP
              knupp iati set sector 43030
              knupp iati set role un-habitat implementing,accountable --type multilateral
              knupp iati set role molit funding --type government
              knupp iati set share 1 IRN=40 MMR=30 NGA=30
              knupp iati set share 2 AZE=20 KHM=20 EGY=20 MOZ=20 PRY=20
              knupp iati check
              knupp iati export --output knupp-iati.xml
            """,
        subcommands: [Set.self, Check.self, Export.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set one IATI setting (each a change of the store: undone, synced and listed as any other).",
            discussion: """
              reporting-org REF TYPE NAME      the publisher: its IATI ref, type (government, multilateral, … or the code) and name
              identifier-prefix PREFIX         the activities' identifiers start with it (and it with the reporting-org's ref)
              sector CODE                      a DAC 5-digit sector code (43030 Urban development and management)
              role PARTNER ROLE[,ROLE…] [--type TYPE] [--ref REF]
                                               a partner's roles: funding, accountable, extending, implementing
              share PHASE COUNTRY=PCT…         the phase's recipient countries' shares, summing to 100
              status PHASE STATUS              the phase's activity status where it is not derived: 1-6 or pipeline,
                                               implementation, finalisation, closed, cancelled, suspended
            “none” as the value takes a setting away (knupp iati set sector none).
            """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("What to set: reporting-org, identifier-prefix, sector, role, share or status.", valueName: "setting"))
        var setting: String

        @Argument(help: ArgumentHelp("Its value(s).", valueName: "value"))
        var values: [String] = []

        @Option(help: "For role: the partner's IATI organisation type (government, multilateral, … or the code).")
        var type: String?

        @Option(help: "For role: the partner's IATI organisation identifier.")
        var ref: String?

        func run() throws {
            try Context.run(global) { context in
                _ = try context.recordingOfficer()
                try MilestoneCommit.commitWhole(context) { programme in
                    let change = try IATICommand.setting(setting, values, type: type, ref: ref, in: programme)
                    let iati = programme.iati ?? IATISettings()
                    if iati.current(change) == change { return (nil, L("IATI's settings already say so.")) }
                    return (.setIATI(change), nil)
                }
            }
        }
    }

    /// The one part of the settings the officer's words set.
    static func setting(_ what: String, _ values: [String], type: String?, ref: String?, in programme: Programme) throws -> IATISetting {
        let none = values.count == 1 && values[0].lowercased() == "none"
        func need(_ count: Int, _ shape: String) throws {
            if !none, values.count != count { throw ValidationError(L("Give %@ as: knupp iati set %@", what, shape)) }
        }
        func organisationType(_ typed: String) throws -> Int {
            guard let code = IATICodes.organisationType(typed) else {
                throw ValidationError(L("“%@” is not an IATI organisation type; one of:", typed.clean) + " "
                                      + IATICodes.organisationTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            return code
        }
        func phase(_ typed: String) throws -> Int {
            guard let n = Int(typed), programme.phase(n) != nil else {
                throw NotFound(message: L("There is no phase %@; the phases are", typed.clean) + " " + programme.phases.map { "\($0.number)" }.joined(separator: ", ") + ".")
            }
            return n
        }
        switch what.lowercased() {
        case "reporting-org":
            try need(3, "reporting-org REF TYPE NAME")
            if none { return .reportingOrg(nil) }
            return .reportingOrg(IATIOrganisation(ref: values[0], type: try organisationType(values[1]), name: values[2]))
        case "identifier-prefix":
            try need(1, "identifier-prefix PREFIX")
            if none { return .identifierPrefix(nil) }
            guard !values[0].contains(where: \.isWhitespace), !values[0].isEmpty else { throw ValidationError(L("An identifier prefix is one word.")) }
            return .identifierPrefix(values[0])
        case "sector":
            try need(1, "sector CODE")
            if none { return .sector(nil) }
            guard IATICodes.isSector(values[0]) else { throw ValidationError(L("“%@” is not a DAC 5-digit sector code of IATI's list (43030 urban development and management).", values[0].clean)) }
            return .sector(values[0])
        case "role":
            guard values.count == 2 else {
                throw ValidationError(L("Give %@ as: knupp iati set %@", what, "role PARTNER ROLE[,ROLE…] [--type TYPE] [--ref REF]"))
            }
            guard let partner = programme.partners.first(where: { $0.id.lowercased() == values[0].lowercased() }) else {
                throw NotFound(message: L("No partner “%@”; the partners are", values[0].clean) + " " + programme.partners.map(\.id).joined(separator: ", ") + ".")
            }
            if values[1].lowercased() == "none" { return .partner(partner.id, nil) }
            var roles: [IATIRole] = []
            for word in values[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let role = IATIRole(rawValue: word) else {
                    throw ValidationError(L("“%@” is not a role; one of: %@.", word.clean, IATIRole.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                if !roles.contains(role) { roles.append(role) }
            }
            let before = programme.iati?.partner(partner.id)
            return .partner(partner.id, IATIPartner(id: partner.id, roles: roles, type: try type.map(organisationType) ?? before?.type, ref: ref ?? before?.ref))
        case "share", "shares":
            guard let first = values.first else { throw ValidationError(L("Give %@ as: knupp iati set %@", what, "share PHASE COUNTRY=PCT…")) }
            let n = try phase(first)
            if values.count == 2, values[1].lowercased() == "none" { return .shares(phase: n, []) }
            var shares: [IATIShare] = []
            for pair in values.dropFirst() {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError(L("“%@” is not COUNTRY=PERCENT.", pair.clean)) }
                let typed = parts[0].uppercased()
                guard let country = programme.countries.first(where: { $0.id.uppercased() == typed || ISOCodes.alpha2[$0.id] == typed }) else {
                    throw NotFound(message: L("No country “%@”.", parts[0].clean) + " " + L("List them with %@.", "`knupp countries`"))
                }
                let digits = parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
                guard Amount.isValid(digits), let d = Decimal(string: digits), d >= 0, d <= 100 else {
                    throw ValidationError(L("%@ is not a percentage from 0 to 100", parts[1].clean) + ".")
                }
                shares.append(IATIShare(country: country.id, percentage: Amount.canonical(digits)))
            }
            return .shares(phase: n, shares)
        case "status":
            guard values.count == 2 else { throw ValidationError(L("Give %@ as: knupp iati set %@", what, "status PHASE STATUS")) }
            let n = try phase(values[0])
            if values[1].lowercased() == "none" { return .status(phase: n, nil) }
            guard let code = IATICodes.activityStatus(values[1]) else {
                throw ValidationError(L("“%@” is not an IATI activity status; one of:", values[1].clean) + " "
                                      + IATICodes.activityStatuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            return .status(phase: n, code)
        default:
            throw ValidationError(L("“%@” is not an IATI setting; one of: reporting-org, identifier-prefix, sector, role, share, status.", what.clean))
        }
    }
}
