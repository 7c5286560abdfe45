import Foundation
import Testing
@testable import Model
import TestSupport
import Sync
@testable import Presentation
@testable import TUI

/// Whatever is pressed, at whatever size, the app neither crashes nor loses its footing.
@Suite("Robustness")
struct RobustnessTests {
    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
                              .delete, .tab, .backTab, .ctrl("r"), .ctrl("u"), .ctrl("e"), .ctrl("d")]
        + "jkhlgGq?/nNuxfpae+-=1234 yz\u{1B}서é".map { Key.char($0) }

    @Test("5,000 random keys, clicks and resizes: every frame renders at the terminal's size", arguments: [1, 2, 3])
    func randomWalk(seed: UInt64) throws {
        var state = try sampleState()
        var rng = seed
        func next(_ n: Int) -> Int {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((rng >> 33) % UInt64(n))
        }
        for _ in 0..<5_000 {
            let roll = next(100)
            var effects: [Effect] = []
            if roll < 3 {
                state.send(.resize(width: next(140), height: next(50)))
            } else if roll < 8 {
                effects = state.send(.click(x: next(state.width + 1), y: next(state.height + 1), double: next(2) == 0))
            } else if roll < 10 {
                effects = state.send(.scroll(next(3) - 1))
            } else {
                let key = RobustnessTests.keys[next(RobustnessTests.keys.count)]
                effects = state.press(key)
            }
            for effect in effects {
                switch effect {
                case .commit: try state.complete([effect])
                case .runEditor: state.send(.editorFinished(next(2) == 0 ? nil : "edited\ntext"))
                case .sync: state.send(.synced(message: "Up to date.", ok: true))
                case .loadHistory: state.send(.historyLoaded(StoreHistory.fromTickRecords(state.programme).entries, source: "tick records"))
                case .writeReport(let request):
                    state.send(next(2) == 0 ? .reportWritten(message: "Wrote it.", ok: true) : .reportExists(path: request.path))
                case .stopWork: state.send(.synced(message: "Sync stopped, as you asked.", ok: false))
                case .quit: break
                }
            }
            let screen = AppView.render(state)
            #expect(screen.width == state.width && screen.height == state.height)
        }
        // Whatever happened, the record is still one a store would write and read back.
        let data = StoreDocument(programme: state.programme).encoded()
        #expect(throws: Never.self) { try StoreDocument.decode(data, path: "walk.json") }
    }
}
