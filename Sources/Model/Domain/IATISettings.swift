/// What IATI needs that the record does not say: kept in the store (`programme.iati`), so every
/// officer's export writes the same identifiers. Every part is optional; `knupp iati check`
/// names what an export still lacks.
public struct IATISettings: Hashable, Sendable {
    public var reportingOrg: IATIOrganisation?
    /// Starts with the reporting organisation's ref: "XM-DAC-41120-KNUPP".
    public var identifierPrefix: String?
    /// A DAC 5-digit sector code (43030 Urban development and management).
    public var sector: String?
    /// Each partner's roles and type, by the partner's id.
    public var partners: [IATIPartner] = []
    /// Each phase's country shares and status, by its number.
    public var phases: [IATIPhase] = []
    public var unknownFields: [String: JSONValue] = [:]

    public init(reportingOrg: IATIOrganisation? = nil, identifierPrefix: String? = nil, sector: String? = nil,
                partners: [IATIPartner] = [], phases: [IATIPhase] = []) {
        self.reportingOrg = reportingOrg; self.identifierPrefix = identifierPrefix; self.sector = sector
        self.partners = partners; self.phases = phases
    }

    public var isEmpty: Bool {
        reportingOrg == nil && identifierPrefix == nil && sector == nil && partners.isEmpty && phases.isEmpty && unknownFields.isEmpty
    }

    public func partner(_ id: String) -> IATIPartner? { partners.first { $0.id == id } }
    public func phase(_ number: Int) -> IATIPhase? { phases.first { $0.number == number } }
}

/// An organisation as IATI names it: its identifier, its OrganisationType code and its name.
public struct IATIOrganisation: Hashable, Sendable {
    public var ref: String
    public var type: Int
    public var name: String
    public var unknownFields: [String: JSONValue] = [:]
    public init(ref: String, type: Int, name: String) { self.ref = ref; self.type = type; self.name = name }
}

/// A partner of the programme as IATI's participating-org: its roles, type and identifier.
public struct IATIPartner: Hashable, Sendable, Identifiable {
    public var id: String
    public var roles: [IATIRole]
    public var type: Int?
    public var ref: String?
    public var unknownFields: [String: JSONValue] = [:]
    public init(id: String, roles: [IATIRole], type: Int? = nil, ref: String? = nil) {
        self.id = id; self.roles = roles; self.type = type; self.ref = ref
    }
}

/// A phase's recipient countries' shares (summing to 100) and its status where it is not derived.
public struct IATIPhase: Hashable, Sendable {
    public var number: Int
    /// IATI's ActivityStatus (1–6), where the officer sets it.
    public var status: Int?
    public var shares: [IATIShare] = []
    public var unknownFields: [String: JSONValue] = [:]
    public init(number: Int, status: Int? = nil, shares: [IATIShare] = []) { self.number = number; self.status = status; self.shares = shares }
    public var isEmpty: Bool { status == nil && shares.isEmpty && unknownFields.isEmpty }
}

/// One country's share of a phase, in percent (a decimal as the officer wrote it).
public struct IATIShare: Hashable, Sendable {
    public var country: String
    public var percentage: String
    public var unknownFields: [String: JSONValue] = [:]
    public init(country: String, percentage: String) { self.country = country; self.percentage = percentage }
}

/// IATI's OrganisationRole, by the words officers use.
public enum IATIRole: String, Sendable, CaseIterable {
    case funding, accountable, extending, implementing
    public var code: Int {
        switch self {
        case .funding: 1
        case .accountable: 2
        case .extending: 3
        case .implementing: 4
        }
    }
}

/// One part of the IATI settings an officer sets: an edit changes that part alone, so a
/// colleague's change of another part, saved first, stays.
public enum IATISetting: Hashable, Sendable {
    case reportingOrg(IATIOrganisation?)
    case identifierPrefix(String?)
    case sector(String?)
    case partner(String, IATIPartner?)
    case shares(phase: Int, [IATIShare])
    case status(phase: Int, Int?)
}

extension IATISettings {
    /// The setting's part as it stands here (for undo: the same part set back).
    public func current(_ setting: IATISetting) -> IATISetting {
        switch setting {
        case .reportingOrg: .reportingOrg(reportingOrg)
        case .identifierPrefix: .identifierPrefix(identifierPrefix)
        case .sector: .sector(sector)
        case .partner(let id, _): .partner(id, partner(id))
        case .shares(let n, _): .shares(phase: n, phase(n)?.shares ?? [])
        case .status(let n, _): .status(phase: n, phase(n)?.status)
        }
    }

    public mutating func set(_ setting: IATISetting) {
        func modifyPhase(_ n: Int, _ change: (inout IATIPhase) -> Void) {
            var phase = self.phase(n) ?? IATIPhase(number: n)
            change(&phase)
            phases.removeAll { $0.number == n }
            if !phase.isEmpty { phases.append(phase); phases.sort { $0.number < $1.number } }
        }
        switch setting {
        case .reportingOrg(let org): reportingOrg = org
        case .identifierPrefix(let prefix): identifierPrefix = prefix
        case .sector(let code): sector = code
        case .partner(let id, let value):
            if let index = partners.firstIndex(where: { $0.id == id }) {
                if let value { partners[index] = value } else { partners.remove(at: index) }
            } else if let value { partners.append(value) }
        case .shares(let n, let shares): modifyPhase(n) { $0.shares = shares }
        case .status(let n, let status): modifyPhase(n) { $0.status = status }
        }
    }
}

extension IATISetting {
    /// The change in a sentence, for the status line and `knupp log`.
    public var summary: String {
        switch self {
        case .reportingOrg(let org): org.map { L("Set IATI's reporting organisation to %@ (%@)", $0.name, $0.ref) } ?? L("Took away IATI's reporting organisation")
        case .identifierPrefix(let prefix): prefix.map { L("Set IATI's identifier prefix to %@", $0) } ?? L("Took away IATI's identifier prefix")
        case .sector(let code): code.map { L("Set IATI's sector to %@", $0) } ?? L("Took away IATI's sector")
        case .partner(let id, let partner):
            partner.map { L("Set IATI's roles of %@: %@", id, $0.roles.map(\.rawValue).joined(separator: ", ")) } ?? L("Took away IATI's roles of %@", id)
        case .shares(let n, let shares):
            shares.isEmpty ? L("Took away phase %@'s country shares", "\(n)")
                : L("Set phase %@'s country shares: %@", "\(n)", shares.map { "\($0.country) \($0.percentage)%" }.joined(separator: ", "))
        case .status(let n, let status): status.map { L("Set phase %@'s IATI status to %@", "\(n)", "\($0)") } ?? L("Took away phase %@'s IATI status", "\(n)")
        }
    }
}
