import Foundation

/// Where things stand in a store file's bytes, found without reading the programme: the
/// revision, the schema version, and one milestone's record (by id). For bytes already known to
/// be a valid store (`VerifiedStores`), so that one milestone can be changed in place.
///
/// One pass over the scanner's tokens, as far as it needs: containers followed on a small
/// stack that knows only the few places that matter (the document, the programme, its countries
/// and phases, their milestone lists). Anything unexpected gives nil, and the caller reads the
/// file whole instead.
public struct StoreOutline: Sendable {
    /// The digits of the revision and of the schema version.
    public var revision: Range<Int>
    public var schemaVersion: Range<Int>
    /// The milestone's object, from `{` to `}`.
    public var milestone: Range<Int>
    /// How many containers enclose the milestone's object (its members are indented one more).
    public var depth: Int

    private enum Role { case document, programme, owners, owner, milestones, milestone, other }

    /// The outline for milestone `id`, or nil when the bytes do not hold it at a milestone's
    /// place, or are not as a store's bytes should be. The bytes are a valid store's (checked now
    /// or before), whose milestone ids are unique: the scan ends at the milestone once it has
    /// the header (which a canonical file holds first).
    public static func find(milestone id: String, in raw: UnsafeRawBufferPointer) -> StoreOutline? {
        let target = Array(id.utf8)
        guard !target.isEmpty else { return nil }
        return target.withUnsafeBufferPointer { target in
            find(target, in: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
    }

    private static func find(_ target: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> StoreOutline? {
        var scanner = JSONScanner(bytes)
        var stack: [(role: Role, isObject: Bool)] = []
        var expectKey = false // inside an object, before a key (or its end)
        var nextRole = Role.document
        var keyIsID = false, keyIsRevision = false, keyIsSchema = false
        var revision: Range<Int>?, schema: Range<Int>?, found: Range<Int>?, depth = 0
        var milestoneStart = 0, milestoneMatches = false

        // Compared through a copy that is never changed: a closure over the scanner itself would
        // have every use of it checked for overlapping access while the program runs.
        let reading = scanner
        func named(_ key: JSONScanner.Token, _ name: StaticString) -> Bool {
            reading.text(of: key, equals: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }

        while true {
            let token = scanner.next()
            let top = stack.last
            switch token.kind {
            case .end:
                guard stack.isEmpty, let revision, let schema, let found else { return nil }
                return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
            case .unexpected, .invalid, .colon:
                return nil
            case .comma:
                expectKey = top?.isObject == true
                if top?.isObject == false { nextRole = element(of: top?.role) }
                continue
            case .endObject, .endArray:
                guard let closing = stack.popLast(), closing.isObject == (token.kind == .endObject) else { return nil }
                if closing.role == .milestone, milestoneMatches {
                    found = milestoneStart..<token.end
                    depth = stack.count
                    // Ids are unique in a valid store: the rest need not be read once the header is.
                    if let found, let revision, let schema {
                        return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
                    }
                }
                expectKey = false
                continue
            case .string where expectKey:
                let role = top?.role ?? .other
                keyIsID = role == .milestone && named(token, "id")
                keyIsRevision = role == .document && named(token, "revision")
                keyIsSchema = role == .document && named(token, "schemaVersion")
                switch role {
                case .document: nextRole = named(token, "programme") ? .programme : .other
                case .programme: nextRole = named(token, "countries") || named(token, "phases") ? .owners : .other
                case .owner: nextRole = named(token, "milestones") ? .milestones : .other
                default: nextRole = .other
                }
                guard scanner.next().kind == .colon else { return nil }
                expectKey = false
                continue
            case _ where expectKey:
                return nil
            case .beginObject:
                if nextRole == .milestone { milestoneStart = token.start; milestoneMatches = false }
                stack.append((nextRole, true))
                expectKey = true
            case .beginArray:
                stack.append((nextRole, false))
                nextRole = element(of: nextRole)
            case .string:
                // The id as it reads, escapes and all: `irn\"x` in the file is the id irn"x.
                if keyIsID, top?.role == .milestone, scanner.text(of: token, equals: target) { milestoneMatches = true }
            case .number, .true, .false, .null:
                if top?.role == .document && keyIsRevision { revision = token.start..<token.end }
                if top?.role == .document && keyIsSchema { schema = token.start..<token.end }
                if let found, let revision, let schema {
                    return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
                }
            }
            keyIsID = false; keyIsRevision = false; keyIsSchema = false
        }
    }

    private static func element(of list: Role?) -> Role {
        switch list {
        case .owners: .owner
        case .milestones: .milestone
        default: .other
        }
    }
}
