public import PocketDomain
internal import Synchronization

/// Who is making a request, as far as rate limits care.
public enum RateLimitCaller: Sendable, Equatable {
    case guest
    case authenticated
    /// Superusers are never limited.
    case superuser
}

/// Applies the settings' rate limit rules with PocketBase 0.28.4's fixed windows: each rule (per
/// audience, and per collection and action for collection rules) counts each client address;
/// a window of `duration` seconds opens at the first request after the previous one ran out, and
/// allows `maxRequests`. Every change of the settings starts all windows afresh.
public final class RateLimiter: Sendable {
    private let settings: SettingsService
    private let now: @Sendable () -> Int64
    private let state = Mutex(State())

    private struct State {
        var revision = -1
        var windows: [String: Window] = [:]
    }

    private struct Window {
        var available = 0
        var lastConsume: Int64 = 0
    }

    /// `now` gives Unix seconds (a clock of the tests' choosing).
    public init(settings: SettingsService, now: @escaping @Sendable () -> Int64) {
        self.settings = settings
        self.now = now
    }

    public convenience init(settings: SettingsService, clock: any Clock) {
        self.init(settings: settings, now: { clock.now().unixSeconds })
    }

    /// Windows measured on the monotonic clock (only differences of seconds matter).
    public convenience init(settings: SettingsService) {
        let start = ContinuousClock.now
        self.init(settings: settings, now: { start.duration(to: .now).components.seconds + 1_000_000 })
    }

    /// The check every request goes through: labels `METHOD /path` then `/path`.
    /// Returns false when the request must be refused with 429.
    public func allowsRequest(method: String, path: String, caller: RateLimitCaller, client: String) -> Bool {
        let config = settings.current.rateLimits
        guard config.isEnabled, caller != .superuser else { return true }
        guard let rule = config.findRule(labels: Self.requestLabels(method: method, path: path),
                                         audiences: Self.audiences(for: caller))
        else { return true }
        return consume(bucket: rule.label + rule.audience, rule: rule, caller: caller, client: client)
    }

    /// The check of a collection action (`create`, `list`, `auth`…): labels
    /// `<collection>:<tag>` for each tag, `*:<tag>` for each tag, then the request's labels.
    /// `route` is the route's pattern, so each endpoint counts on its own.
    public func allowsCollectionAction(collection: Collection, tags: [String], route: String, method: String,
                                       path: String, caller: RateLimitCaller, client: String) -> Bool {
        let config = settings.current.rateLimits
        guard config.isEnabled, caller != .superuser else { return true }
        let labels = tags.map { collection.name + ":" + $0 } + tags.map { "*:" + $0 }
            + Self.requestLabels(method: method, path: path)
        guard let rule = config.findRule(labels: labels, audiences: Self.audiences(for: caller)) else { return true }
        return consume(bucket: collection.id + route + tags.joined() + rule.audience, rule: rule, caller: caller,
                       client: client)
    }

    static func requestLabels(method: String, path: String) -> [String] {
        [method + " " + path, path]
    }

    static func audiences(for caller: RateLimitCaller) -> [RateLimitRule.Audience] {
        caller == .guest ? [.all, .guest] : [.all, .auth]
    }

    private func consume(bucket: String, rule: RateLimitRule, caller: RateLimitCaller, client: String) -> Bool {
        switch rule.audience {
        case RateLimitRule.Audience.guest.rawValue where caller != .guest: return true
        case RateLimitRule.Audience.auth.rawValue where caller == .guest: return true
        default: break
        }
        guard !client.isEmpty else { return true }
        let revision = settings.revision
        let now = self.now()
        return state.withLock { state in
            if state.revision != revision {
                state.windows = [:]
                state.revision = revision
            }
            let key = bucket + "\u{0}" + String(rule.maxRequests) + "/" + String(rule.duration) + "\u{0}" + client
            var window = state.windows[key] ?? Window()
            if now - window.lastConsume >= Int64(rule.duration) { window.available = rule.maxRequests }
            defer { state.windows[key] = window }
            guard window.available > 0 else { return false }
            window.available -= 1
            window.lastConsume = now
            return true
        }
    }

    /// Forgets windows idle for longer than their rule's duration plus half an hour.
    public func clean() {
        let now = self.now()
        state.withLock { state in
            state.windows = state.windows.filter { now - $0.value.lastConsume <= 1800 + 3600 }
        }
    }
}
