import PocketApplication
import PocketDomain
import PocketTestSupport
import Testing

/// The shared fakes keep their ports' contracts, so tests over them mean something.
@Suite("Test fakes")
struct TestFakesTests {
    @Test("PlainPasswordHasher writes plain:<cost>:<password> and verifies only its own format")
    func plainHasher() throws {
        let hasher = PlainPasswordHasher()
        let hash = try hasher.hash("secret", cost: 12)
        #expect(hash == "plain:12:secret")
        #expect(hasher.verify("secret", against: hash))
        #expect(hasher.verify("a:b", against: "plain:10:a:b"))
        #expect(!hasher.verify("Secret", against: hash))
        #expect(!hasher.verify("secret", against: "plain:x:secret"))
        #expect(!hasher.verify("secret", against: "$2a$10$7bMgnCQZNs2ECqVPXuK2Y.ux4ZS/Wb8rUBUWj7V5zQqVSczPKk3Fe"))
        #expect(hasher.hashCount == 1)
        #expect(hasher.verifyCount == 5)
    }

    @Test("FakeTokenSigner round-trips claims and checks the secret and header")
    func tokenSigner() {
        let signer = FakeTokenSigner()
        let claims = JSONObject([("id", "abc"), ("exp", 5)])
        let token = signer.sign(claims, secret: "s1")
        #expect(token.split(separator: ".").count == 3)
        #expect(signer.verifiedClaims(of: token, secret: "s1") == claims)
        #expect(signer.verifiedClaims(of: token, secret: "s2") == nil)
        #expect(signer.unverifiedClaims(of: token) == claims)
        #expect(signer.verifiedClaims(of: token + "0", secret: "s1") == nil)
        let otherHeader = FakeTokenSigner.token(header: #"{"alg":"none"}"#, payload: #"{"id":"abc"}"#, secret: "s1")
        #expect(signer.verifiedClaims(of: otherHeader, secret: "s1") == nil)
        #expect(signer.unverifiedClaims(of: otherHeader) == JSONObject([("id", "abc")]))
        #expect(signer.unverifiedClaims(of: "not.a.token") == nil)
    }

    @Test("ReversingCipher round-trips and throws on a wrong or short key and tampered data")
    func cipher() throws {
        let cipher = ReversingCipher()
        let sealed = try cipher.encrypt(Array("hello".utf8), key: testEncryptionKey)
        #expect(!sealed.contains("hello"))
        #expect(try cipher.decrypt(sealed, key: testEncryptionKey) == Array("hello".utf8))
        #expect(throws: ReversingCipher.Failure.wrongKey) {
            try cipher.decrypt(sealed, key: String(repeating: "k", count: 32))
        }
        #expect(throws: ReversingCipher.Failure.keyLength) { try cipher.encrypt([1], key: "short") }
        #expect(throws: ReversingCipher.Failure.keyLength) { try cipher.decrypt(sealed, key: "short") }
        #expect(throws: ReversingCipher.Failure.malformed) { try cipher.decrypt(sealed + "z", key: testEncryptionKey) }
    }

    @Test("InMemoryMigrationFileStore lists only .js files, sorted, and returns written paths")
    func migrationFiles() throws {
        let files = InMemoryMigrationFileStore(directory: "dir", files: ["2_b.js": "", "1_a.js": "", "3_c.go": ""])
        #expect(try files.list() == ["1_a.js", "2_b.js"])
        #expect(try files.write(name: "0_z.js", contents: "x") == "dir/0_z.js")
        #expect(try files.list() == ["0_z.js", "1_a.js", "2_b.js"])
        #expect(files.contents(of: "0_z.js") == "x")
    }

    @Test("InMemoryMigrationHistory orders rows by file and replaces on markApplied")
    func migrationHistory() throws {
        let history = InMemoryMigrationHistory(["b.js": 2])
        try history.markApplied("a.js", at: 1)
        try history.markApplied("b.js", at: 3)
        #expect(try history.applied() == [AppliedMigration(file: "a.js", applied: 1),
                                          AppliedMigration(file: "b.js", applied: 3)])
        try history.remove(["a.js", "missing.js"])
        #expect(try history.applied() == [AppliedMigration(file: "b.js", applied: 3)])
    }

    @Test("Unimplemented fakes record an issue when called")
    func unimplementedFakesFailLoudly() async {
        withKnownIssue {
            _ = try UnimplementedRecordStore().countRecords(in: Collection(name: "posts", kind: .base))
        }
        withKnownIssue {
            #expect(!UnimplementedPasswordHasher().verify("a", against: "b"))
        }
        withKnownIssue {
            #expect(UnimplementedTokenSigner().sign(JSONObject(), secret: "") == "")
        }
        withKnownIssue {
            _ = try UnimplementedSecretCipher().decrypt("x", key: "k")
        }
        withKnownIssue {
            _ = try FixedCollectionStore([]).apply([])
        }
        await withKnownIssue {
            _ = try await UnimplementedBlockingRunner().run { 1 }
        }
    }
}
