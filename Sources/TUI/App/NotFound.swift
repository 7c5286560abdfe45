import ArgumentParser
import Foundation
import Model
import Presentation

/// Something the user named does not exist; the message says what does.
struct NotFound: Error {
    let message: String
}
