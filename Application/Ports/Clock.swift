public import PocketDomain

/// The current time.
///
/// Contract: `now()` never goes backwards by more than the system clock does; tests use a fixed clock.
public protocol Clock: Sendable {
    func now() -> DateTime
}
