
import Model

/// Numbers as people read them.
public enum Format {
    /// 500000 -> "500,000".
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude) // magnitude, not abs: abs(Int.min) traps
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
