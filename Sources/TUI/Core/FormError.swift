import Model
import Presentation

/// What is wrong with a form, and in which field.
struct FormError: Error, Equatable {
    var field: Int
    var message: String
}
