// A failed assert_eq in a Ruchy test is a JUnit failure that names the .ruchy file and line: in its
// message (the runtime) and, through the test-debug-info goal's Ruchy line tables, in the stack trace
// of the Surefire report.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('numbers_test.ruchy:12: Assertion failed: expected Integer(6), got Integer(9)') : 'no Ruchy file:line in the failure'
assert log.contains('Added Ruchy debug information (ruchy line numbers) to 1 class.')
def report = new File(basedir, 'target/surefire-reports/checks.NumbersTest.txt').text
assert report.contains('doublingIsNotSquaring')
assert report.contains('at checks.NumbersTest.doublingIsNotSquaring(numbers_test.ruchy:12)') : 'the stack trace does not name the .ruchy line:\n' + report
def xml = new File(basedir, 'target/surefire-reports/TEST-checks.NumbersTest.xml').text
assert xml.contains('(numbers_test.ruchy:12)')
true
