import Foundation

/// Where things stand in a store file's bytes, found without reading the programme: the
/// revision, the schema version, and one milestone's record (by id). For bytes already known to
/// be a valid store (`VerifiedStores`), so that one milestone can be changed in place.
///
/// One pass over the bytes, as far as it needs: strings are skipped with `memchr`, containers followed on a small
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
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let n = raw.count
        let target = Array(id.utf8)
        guard !target.isEmpty else { return nil }
        var stack: [(role: Role, isObject: Bool)] = []
        var i = 0
        var expectKey = false // inside an object, before a key (or its end)
        var nextRole = Role.document
        var keyIsID = false, keyIsRevision = false, keyIsSchema = false
        var revision: Range<Int>?, schema: Range<Int>?, found: Range<Int>?, depth = 0
        var milestoneStart = 0, milestoneMatches = false

        func skipString(from quote: Int) -> Int? { // index past the closing quote
            // Keys and short values, most strings, end within a few bytes: looked at one by one.
            var j = quote + 1
            let near = min(n, j + 24)
            while j < near {
                let b = base[j]
                if b == 0x22 { return j + 1 }
                j += b == 0x5C ? 2 : 1
            }
            // A long one: its quotes found with memchr, each checked for the backslashes before it.
            while j < n {
                guard let hit = memchr(base + j, 0x22, n - j) else { return nil }
                let close = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var backslashes = 0
                while close - backslashes - 1 > quote && base[close - backslashes - 1] == 0x5C { backslashes += 1 }
                if backslashes % 2 == 0 { return close + 1 }
                j = close + 1
            }
            return nil
        }
        /// Past spaces, tabs and line ends; indentation eight spaces at a time.
        func skipSpace(_ i: inout Int) {
            while i < n {
                let b = base[i]
                if b == 0x20 && i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    i += 8
                } else if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                    i += 1
                } else {
                    return
                }
            }
        }
        func equals(_ start: Int, _ end: Int, _ text: StaticString) -> Bool {
            guard end - start == text.utf8CodeUnitCount else { return false }
            return memcmp(base + start, text.utf8Start, end - start) == 0
        }

        while true {
            skipSpace(&i)
            guard i < n else { break }
            let c = base[i]
            let top = stack.last
            if c == UInt8(ascii: ",") {
                expectKey = top?.isObject == true
                if top?.isObject == false { nextRole = element(of: top?.role) }
                i += 1
                continue
            }
            if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                guard let closing = stack.popLast(), closing.isObject == (c == UInt8(ascii: "}")) else { return nil }
                if closing.role == .milestone, milestoneMatches {
                    found = milestoneStart..<(i + 1)
                    depth = stack.count
                    // Ids are unique in a valid store: the rest need not be read once the header is.
                    if let found, let revision, let schema {
                        return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
                    }
                }
                expectKey = false
                i += 1
                if stack.isEmpty { break }
                continue
            }
            if expectKey {
                guard c == 0x22, let end = skipString(from: i) else { return nil }
                let role = top?.role ?? .other
                let (ks, ke) = (i + 1, end - 1)
                keyIsID = role == .milestone && equals(ks, ke, "id")
                keyIsRevision = role == .document && equals(ks, ke, "revision")
                keyIsSchema = role == .document && equals(ks, ke, "schemaVersion")
                switch role {
                case .document: nextRole = equals(ks, ke, "programme") ? .programme : .other
                case .programme: nextRole = equals(ks, ke, "countries") || equals(ks, ke, "phases") ? .owners : .other
                case .owner: nextRole = equals(ks, ke, "milestones") ? .milestones : .other
                default: nextRole = .other
                }
                i = end
                skipSpace(&i)
                guard i < n, base[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                expectKey = false
                continue
            }
            // A value.
            switch c {
            case UInt8(ascii: "{"):
                if nextRole == .milestone { milestoneStart = i; milestoneMatches = false }
                stack.append((nextRole, true))
                expectKey = true
                i += 1
            case UInt8(ascii: "["):
                stack.append((nextRole, false))
                nextRole = element(of: nextRole)
                i += 1
            case 0x22:
                guard let end = skipString(from: i) else { return nil }
                if keyIsID, top?.role == .milestone, end - i - 2 == target.count,
                   target.withUnsafeBufferPointer({ memcmp(base + i + 1, $0.baseAddress!, target.count) }) == 0 {
                    milestoneMatches = true
                }
                i = end
            default:
                let start = i
                while i < n, !(base[i] == UInt8(ascii: ",") || base[i] == UInt8(ascii: "}") || base[i] == UInt8(ascii: "]")
                               || base[i] == 0x20 || base[i] == 0x0A || base[i] == 0x0D || base[i] == 0x09) { i += 1 }
                guard i > start else { return nil }
                if top?.role == .document && keyIsRevision { revision = start..<i }
                if top?.role == .document && keyIsSchema { schema = start..<i }
                if let found, let revision, let schema {
                    return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
                }
            }
            keyIsID = false; keyIsRevision = false; keyIsSchema = false
        }
        guard stack.isEmpty, let revision, let schema, let found else { return nil }
        return StoreOutline(revision: revision, schemaVersion: schema, milestone: found, depth: depth)
    }

    private static func element(of list: Role?) -> Role {
        switch list {
        case .owners: .owner
        case .milestones: .milestone
        default: .other
        }
    }
}
