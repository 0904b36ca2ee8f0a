public import PocketDomain

/// The JavaScript migration files PocketBase 0.28.4 writes, so a project's `pb_migrations` works
/// with either server.
public enum MigrationTemplates {
    static let header = "/// <reference path=\"../pb_data/types.d.ts\" />\n"

    /// `migrate create NAME`: an empty up/down pair.
    public static let blank = header + """
        migrate((app) => {
          // add up queries...
        }, (app) => {
          // add down queries...
        })

        """

    /// `migrate collections`: imports every collection as it is now.
    public static func snapshot(of collections: [Collection]) -> String {
        let items = JSONValue.array(collections.map { .object($0.exportJSON(includeTimestamps: false)) })
        return header + """
            migrate((app) => {
              const snapshot = \(JSONPrettyPrinter.string(items, prefix: "  ", indent: "  "));

              return app.importCollections(snapshot, false);
            }, (app) => {
              return null;
            })

            """
    }
}
