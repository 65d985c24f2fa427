// A failed assert_eq in a Ruchy test is a JUnit failure that names the .ruchy file and line.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('numbers_test.ruchy:12: Assertion failed: expected Integer(6), got Integer(9)') : 'no Ruchy file:line in the failure'
def report = new File(basedir, 'target/surefire-reports/checks.NumbersTest.txt').text
assert report.contains('doublingIsNotSquaring')
true
