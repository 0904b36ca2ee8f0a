public import PocketDomain

/// Writes a `pb_migrations` file and its `_migrations` row for every collection change, as
/// PocketBase 0.28.4 does, so a project's history replays on either server. Failures to write are
/// reported, never fatal: the schema change itself already succeeded.
public struct Automigrate: Sendable {
    private let files: any MigrationFileStore
    private let history: any MigrationHistory
    private let clock: any Clock
    private let report: @Sendable (String) -> Void

    public init(files: any MigrationFileStore, history: any MigrationHistory, clock: any Clock,
                report: @escaping @Sendable (String) -> Void) {
        self.files = files
        self.history = history
        self.clock = clock
        self.report = report
    }

    public func created(_ collection: Collection) {
        write("created_\(collection.name)", MigrationTemplates.created(collection))
    }

    public func updated(from old: Collection, to new: Collection) {
        guard let text = MigrationTemplates.updated(from: old, to: new) else { return }
        write("updated_\(old.name)", text)
    }

    public func deleted(_ collection: Collection) {
        write("deleted_\(collection.name)", MigrationTemplates.deleted(collection))
    }

    private func write(_ name: String, _ contents: String) {
        let now = clock.now()
        let file = "\(now.unixSeconds)_\(name).js"
        do {
            _ = try files.write(name: file, contents: contents)
            try history.markApplied(file, at: now.unixMilliseconds * 1000)
        } catch {
            report("automigrate: cannot record \(file): \(error)")
        }
    }
}
