/// One step of a path into a JSON document.
enum JSONPathKey: Equatable {
    case key(String)
    case index(Int)
}
