extension StoreEncoder {
    // MARK: Records, from their tables

    /// A record's fields by its table, in the table's (sorted) order, with the keys this version
    /// does not know slotted in where sorting puts them.
    mutating func record<R: StoreRecord>(_ record: R) {
        let table = R.storeTable
        self.record(record.unknownFields) { w, fields in
            for field in table.fields { field.write(&w, &fields, record) }
        }
    }
}
