import Foundation
import Model

/// Any error as a sentence for the officer: the record's own errors in their words, never a Swift
/// value ("mergeConflict(path: …, position: Model.TextPosition(…))").
public enum ErrorText {
    public static func sentence(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: StoreErrorText.fact(error)
        case let error as StoreMerge.Unreadable: L("the %@ version cannot be used:", error.side.rawValue) + " " + StoreErrorText.fact(error.error)
        case let error as StoreMerge.Conflict: error.description
        case let error as EditError: error.description
        default: L("an unexpected error (%@)", "\(type(of: error))")
        }
    }
}
