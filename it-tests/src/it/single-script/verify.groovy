// (a) A single script: transpiled to the default package, compiled, packaged; the Ruchy tests ran.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/ruchy/Hello.java')
assert generated.isFile() : 'no Hello.java'
assert generated.text.contains('public final class Hello')
assert new File(basedir, 'target/classes/Hello.class').isFile()
assert new File(basedir, 'target/generated-test-sources/ruchy/GreetingTest.java').text.contains('@Test')
assert new File(basedir, 'target/single-script-1.0.jar').isFile()
assert log.contains('Transpiling 1 file because of a clean build.')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the two #[test] functions did not run'
assert new File(basedir, 'target/maven-status/ruchy/transpile/default/manifest.txt').isFile()
true
