import Model

/// The report's lines of the programme's other records: publications, contacts, prospective
/// countries, a country's government counterparts.
extension ProgressReport {
    public struct PolicyLine: Codable, Equatable, Sendable {
        public var title: String
        public var status: String
        public var note: String?
    }

    /// A goal the programme serves (SDG 11.a.1, the New Urban Agenda).
    public struct GoalLine: Codable, Equatable, Sendable {
        public var title: String
        public var detail: String?
    }

    public struct ProjectLine: Codable, Equatable, Sendable {
        public var title: String
        public var peopleReached: Int?
    }

    public struct CounterpartLine: Codable, Equatable, Sendable {
        public var name: String
        /// lead, implementing or funding.
        public var role: String
    }

    public struct PublicationLine: Codable, Equatable, Sendable {
        /// Absent where the record has only the opening words (`summary`).
        public var title: String?
        public var summary: String
        /// The year it came out and where it can be read, when the record says.
        public var year: Int? = nil
        public var link: String? = nil
    }

    public struct ContactLine: Codable, Equatable, Sendable {
        public var name: String
        public var title: String
        public var unit: String
    }

    public struct ProspectLine: Codable, Equatable, Sendable {
        public var name: String
        public var note: String?
    }
}
