#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// `sin` and `cos` as PocketBase 0.28.4's SQLite computes them: its SQLite is compiled to Go and
/// calls Go's `math` package, whose sine and cosine are the Cephes polynomials (reduction by π/4
/// in three parts). They can differ from the C library in the last bit, and that bit shows: the
/// rules' `geoDistance` of a point to itself is `acos(1.0000000000000002)`, i.e. NULL, in PocketBase.
enum GoMath {
    private static let sinCoefficients = [1.58962301576546568060e-10, -2.50507477628578072866e-8,
                                          2.75573136213857245213e-6, -1.98412698295895385996e-4,
                                          8.33333333332211858878e-3, -1.66666666666666307295e-1]
    private static let cosCoefficients = [-1.13585365213876817300e-11, 2.08757008419747316778e-9,
                                          -2.75573141792967388112e-7, 2.48015872888517045348e-5,
                                          -1.38888888888730564116e-3, 4.16666666666665929218e-2]
    /// π/4 split in three parts for an exact reduction (Cephes' DP1–DP3).
    private static let piOver4A = 7.85398125648498535156e-1
    private static let piOver4B = 3.77489470793079817668e-8
    private static let piOver4C = 2.69515142907905952645e-15
    /// Beyond this the simple reduction loses precision (Go switches to Payne–Hanek); the C
    /// library is used there instead.
    private static let reductionLimit = Double(1 << 29)

    static func sin(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < reductionLimit else { return value.isFinite ? Self.libmSin(value) : .nan }
        if value == 0 { return value }
        var negative = value < 0
        var (octant, z) = reduce(abs(value))
        if octant > 3 {
            negative.toggle()
            octant -= 4
        }
        let result = octant == 1 || octant == 2 ? cosPolynomial(z) : sinPolynomial(z)
        return negative ? -result : result
    }

    static func cos(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < reductionLimit else { return value.isFinite ? Self.libmCos(value) : .nan }
        var negative = false
        var (octant, z) = reduce(abs(value))
        if octant > 3 {
            octant -= 4
            negative.toggle()
        }
        if octant > 1 { negative.toggle() }
        let result = octant == 1 || octant == 2 ? sinPolynomial(z) : cosPolynomial(z)
        return negative ? -result : result
    }

    /// The octant (0–7, rounded to even) and the remainder of `x` (≥ 0) after removing it.
    private static func reduce(_ x: Double) -> (octant: Int, remainder: Double) {
        var octant = UInt64(x * (4 / Double.pi))
        var y = Double(octant)
        if octant & 1 == 1 {
            octant += 1
            y += 1
        }
        octant &= 7
        return (Int(octant), ((x - y * piOver4A) - y * piOver4B) - y * piOver4C)
    }

    private static func sinPolynomial(_ z: Double) -> Double {
        let zz = z * z
        let c = sinCoefficients
        return z + z * zz * (((((c[0] * zz + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
    }

    private static func cosPolynomial(_ z: Double) -> Double {
        let zz = z * z
        let c = cosCoefficients
        return 1.0 - 0.5 * zz + zz * zz * (((((c[0] * zz + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
    }

    private static func libmSin(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.sin(x)
        #else
        Darwin.sin(x)
        #endif
    }

    private static func libmCos(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.cos(x)
        #else
        Darwin.cos(x)
        #endif
    }
}
