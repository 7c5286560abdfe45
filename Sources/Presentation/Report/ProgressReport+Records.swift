import Model

/// The report's lines of the programme's other records: publications, contacts, prospective countries.
extension ProgressReport {
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
