import Testing
@testable import PocketDomain

@Suite("FieldErrors")
struct FieldErrorsTests {
    @Test("the first error of a field wins")
    func firstWins() {
        var errors = FieldErrors()
        #expect(errors.isEmpty)
        errors.add("email", .notUnique)
        errors.add("email", .required)
        #expect(errors["email"] == .notUnique)
        #expect(errors.entries.count == 1)
        #expect(errors["other"] == nil)
        #expect(!errors.isEmpty)
    }

    @Test("merge keeps existing errors and appends new fields")
    func merge() {
        var errors = FieldErrors("email", .notUnique)
        var other = FieldErrors("email", .invalidEmail)
        other.add("password", .required)
        errors.merge(other)
        #expect(errors.entries.map(\.field) == ["email", "password"])
        #expect(errors["email"] == .notUnique)
        #expect(errors["password"] == .required)
    }

    @Test("json is PocketBase's data object")
    func json() {
        #expect(JSONWriter.string(.object(FieldErrors("email", .notUnique).json))
            == #"{"email":{"code":"validation_not_unique","message":"Value must be unique."}}"#)
        #expect(JSONWriter.string(.object(FieldErrors("password", .tooShort(min: 8)).json))
            == #"{"password":{"code":"validation_length_out_of_range","message":"Must be at least 8 character(s).","params":{"min":8}}}"#)
        #expect(JSONWriter.string(.object(FieldErrors("name", .outOfRange(min: 3, max: 10)).json))
            == #"{"name":{"code":"validation_length_out_of_range","message":"The length must be between 3 and 10.","params":{"max":10,"min":3}}}"#)
        #expect(JSONWriter.string(.object(FieldErrors("title", .tooLong(max: 5)).json))
            == #"{"title":{"code":"validation_length_too_long","message":"Must be no more than 5 character(s).","params":{"max":5}}}"#)
    }

    @Test("nested errors become nested objects")
    func nested() {
        var meta = FieldErrors("appName", .required)
        meta.add("senderAddress", .invalidEmail)
        let errors = FieldErrors("meta", ValidationError(code: "validation_invalid", message: "", nested: meta))
        #expect(JSONWriter.string(.object(errors.json))
            == #"{"meta":{"appName":{"code":"validation_required","message":"Cannot be blank."},"senderAddress":{"code":"validation_is_email","message":"Must be a valid email address."}}}"#)
    }

    @Test("summary: fields sorted, messages joined, one final period")
    func summary() {
        #expect(FieldErrors("email", .notUnique).summary == "email: Value must be unique.")
        var errors = FieldErrors("password", .required)
        errors.add("email", .notUnique)
        errors.add("kind", .notInList)
        #expect(errors.summary == "email: Value must be unique; kind: Must be a valid value; password: Cannot be blank.")
    }

    @Test("equality compares fields and errors in order")
    func equality() {
        var a = FieldErrors("a", .required)
        a.add("b", .notUnique)
        var b = FieldErrors("b", .notUnique)
        b.add("a", .required)
        #expect(a != b)
        #expect(a == {
            var c = FieldErrors("a", .required)
            c.add("b", .notUnique)
            return c
        }())
    }
}
