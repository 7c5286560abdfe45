/// Writes the store's canonical bytes directly, without Codable: keys sorted (byte order),
/// two-space indentation, `" : "` between key and value, `[]` and `{}` for empty lists and
/// objects, a final newline. Byte for byte what Foundation's sorted, pretty-printed encoder
/// wrote (a test holds the two equal), so files written before and after diff only where they
/// changed. Keys a record holds that this version does not know are written back in their place.
typealias StoreEncoder = JSONWriter

extension JSONWriter {
    // MARK: The document

    static func encode(_ document: StoreDocument, capacity: Int = 0) -> [UInt8] {
        var w = StoreEncoder(capacity: capacity)
        // The header keys stay in this order (not sorted): schema first, then revision.
        w.beginObject()
        w.key("schemaVersion"); w.int(document.schemaVersion)
        w.key("revision"); w.int(document.revision)
        w.key("programme"); w.record(document.programme)
        w.members(document.unknownFields)
        w.endObject()
        w.endLine()
        return w.bytes
    }

    /// One milestone's object as it stands `depth` containers deep in a document: byte for byte
    /// what the whole document's encoding holds there (an edit in place writes only this).
    static func encode(_ milestone: Milestone, depth: Int) -> [UInt8] {
        var w = StoreEncoder()
        w.depth = depth
        w.record(milestone)
        return w.bytes
    }

    // MARK: Objects with their unknown keys slotted in

    /// Writes a record's known fields, in sorted order, with the keys this version does not know
    /// placed among them where sorting puts them.
    mutating func record(_ unknown: [String: JSONValue], _ body: (inout StoreEncoder, inout KnownFields) -> Void) {
        var fields = KnownFields(unknown: unknown.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, values: unknown)
        beginObject()
        body(&self, &fields)
        fields.flush(upTo: nil, &self)
        endObject()
    }

    struct KnownFields {
        let unknown: [String]
        let values: [String: JSONValue]
        var next = 0
        #if DEBUG
        var last: String?
        #endif

        init(unknown: [String], values: [String: JSONValue]) { self.unknown = unknown; self.values = values }

        mutating func field(_ key: String, _ w: inout StoreEncoder, _ value: (inout StoreEncoder) -> Void) {
            #if DEBUG
            // The known keys must be written in sorted order, or the file would not be canonical.
            assert(last.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true, "\(key) written out of order")
            last = key
            #endif
            flush(upTo: key, &w)
            if next < unknown.count, unknown[next] == key { next += 1 } // a known key wins over a stray copy
            w.key(key)
            value(&w)
        }

        mutating func optional<T>(_ key: String, _ value: T?, _ w: inout StoreEncoder, _ write: (inout StoreEncoder, T) -> Void) {
            guard let value else { return }
            field(key, &w) { write(&$0, value) }
        }

        /// Writes the unknown keys that sort before `key` (all that are left, when nil).
        mutating func flush(upTo key: String?, _ w: inout StoreEncoder) {
            while next < unknown.count, key.map({ unknown[next].utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                let name = unknown[next]
                w.key(name)
                w.value(values[name] ?? .null)
                next += 1
            }
        }
    }

    /// An object's members in sorted order (unknown keys, and objects inside them).
    mutating func members(_ members: [String: JSONValue]) {
        for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            self.key(key)
            value(members[key] ?? .null)
        }
    }

}
